import type { Actor } from '@/server/core/model';
import { getRuntime, type Runtime } from '@/server/runtime';

export const SESSION_COOKIE = 'fd_session';

export interface Context {
  runtime: Runtime;
  /** Who sent the call, from its token or session cookie; null when neither is valid. */
  actor: Actor | null;
  /** Lets procedures set cookies (sign-in); absent for server-side callers. */
  resHeaders?: Pick<Headers, 'append'>;
  sessionToken?: string;
  requestId: string;
}

/** Builds a context without HTTP: tests and server components call this. */
export function createContextInner(opts: {
  runtime: Runtime;
  actor: Actor | null;
  resHeaders?: Pick<Headers, 'append'>;
  sessionToken?: string;
}): Context {
  return { ...opts, requestId: crypto.randomUUID().slice(0, 8) };
}

export async function resolveActor(
  runtime: Runtime,
  headers: Headers,
): Promise<{ actor: Actor | null; sessionToken?: string }> {
  const auth = headers.get('authorization');
  if (auth) {
    const match = /^Bearer\s+(\S+)$/i.exec(auth);
    return { actor: match ? await runtime.core.auth.authenticateBearer(match[1]) : null };
  }
  const sessionToken = readCookie(headers.get('cookie'), SESSION_COOKIE);
  if (sessionToken) return { actor: await runtime.core.auth.sessionActor(sessionToken), sessionToken };
  return { actor: null };
}

export async function createContext({ req, resHeaders }: { req: Request; resHeaders: Headers }): Promise<Context> {
  const runtime = await getRuntime();
  const { actor, sessionToken } = await resolveActor(runtime, req.headers);
  return createContextInner({ runtime, actor, resHeaders, sessionToken });
}

export function readCookie(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k !== name) continue;
    try {
      return decodeURIComponent(v.join('='));
    } catch {
      return undefined; // a malformed cookie is no session, not a server error
    }
  }
  return undefined;
}
