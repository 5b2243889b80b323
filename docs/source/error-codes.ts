import type { TRPC_ERROR_CODE_KEY } from '@trpc/server';

/** What each error code means on this API, in the order the docs list them. */
export const ERROR_MEANINGS: Partial<Record<TRPC_ERROR_CODE_KEY, string>> = {
  BAD_REQUEST:
    'invalid input: `message` names each field, `data.issues` lists them as `{path, message}`; nothing was written',
  UNAUTHORIZED: 'no token or session, an unknown one, or a wrong password (`auth.signIn`)',
  FORBIDDEN:
    'this token may not call this procedure (an agent token on an operator procedure, a missing admin role, a terminated agent), or a cross-site call carrying a session cookie',
  NOT_FOUND: 'no agent, task or pool with that id',
  CONFLICT: 'the call does not fit the current state: a stale lease, a task already finished, a name already taken',
  PAYLOAD_TOO_LARGE: 'the body, or the number of calls in a batch, is over its limit',
  TOO_MANY_REQUESTS: 'too many live event streams open for one session or token',
  INTERNAL_SERVER_ERROR: 'a defect: a generic message with a request id; the server logs the cause',
  SERVICE_UNAVAILABLE: 'the database is unreachable; the answer carries `Retry-After: 5`, retry then',
};
