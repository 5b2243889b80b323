import { randomUUID } from 'node:crypto';
import type { WebhookSender } from '../deliveries/ports';
import { signBody } from '../deliveries/signature';
import type { SigningHook } from './ports';
import type { AssignmentReviewer } from './reviewer';

/** The `event` of a pre-assignment request body (beside `task` and `agent`). */
export const PRE_ASSIGN_EVENT = 'pre-assignment';

/**
 * A pre-assignment hook over HTTP: a signed POST of `{id, event, at, task, agent}`, the answer
 * read from a 2xx JSON body. Not queued like event deliveries: the dispatcher waits for it.
 */
export function httpReviewer(hook: SigningHook, sender: WebhookSender, now: () => number): AssignmentReviewer {
  return {
    label: `hook ${hook.name}`,
    timeoutMs: hook.timeoutMs,
    failMode: hook.failMode,
    async ask(req, signal) {
      const id = randomUUID();
      const at = now();
      const body = JSON.stringify({ id, event: PRE_ASSIGN_EVENT, at: new Date(at).toISOString(), ...req });
      const res = await sender.post({
        url: hook.url,
        body,
        timeoutMs: hook.timeoutMs,
        signal,
        headers: {
          'content-type': 'application/json',
          'flightdeck-delivery': id,
          'flightdeck-event': PRE_ASSIGN_EVENT,
          'flightdeck-signature': signBody(hook.secret, body, at),
        },
      });
      if (res.status === null) throw new Error(res.error ?? 'no response');
      if (res.status < 200 || res.status >= 300) throw new Error(`HTTP ${res.status}`);
      try {
        return JSON.parse(res.body) as unknown;
      } catch {
        throw new Error('the answer is not JSON');
      }
    },
  };
}
