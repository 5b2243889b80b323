/**
 * A minimal client of the plain-JSON tRPC HTTP API: mutations are POSTs with a JSON body,
 * queries GETs with `?input=`. Node's fetch keeps connections alive through one shared
 * dispatcher, so the bench does not pay a TCP handshake per call. Answers are a few hundred
 * bytes: asking for them uncompressed spares both sides a gzip per call (as curl does).
 */
export class ApiError extends Error {
  constructor(
    readonly path: string,
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(`${path}: ${status} ${code}: ${message}`);
  }
}

export class Api {
  constructor(readonly baseUrl: string) {}

  mutate<T>(path: string, input: unknown, token: string, signal?: AbortSignal): Promise<T> {
    return this.send<T>(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-encoding': 'identity', authorization: `Bearer ${token}` },
      body: JSON.stringify(input ?? {}),
      signal,
    });
  }

  query<T>(path: string, input: unknown, token: string): Promise<T> {
    const qs = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
    return this.send<T>(`${path}${qs}`, {
      method: 'GET',
      headers: { 'accept-encoding': 'identity', authorization: `Bearer ${token}` },
    });
  }

  /**
   * Several mutations in one HTTP request (tRPC's `?batch=1` form): the server runs them
   * concurrently and answers when all are done. Each call settles on its own.
   */
  async batch(
    calls: { path: string; input: unknown }[],
    token: string,
    signal?: AbortSignal,
  ): Promise<PromiseSettledResult<unknown>[]> {
    const paths = calls.map((c) => c.path).join(',');
    const body = Object.fromEntries(calls.map((c, i) => [i, c.input ?? {}]));
    const res = await fetch(`${this.baseUrl}/api/trpc/${paths}?batch=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-encoding': 'identity', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
      signal,
    });
    const text = await res.text();
    let items: {
      result?: { data: unknown };
      error?: { message: string; data?: { code?: string; httpStatus?: number } };
    }[];
    try {
      items = JSON.parse(text);
    } catch {
      throw new ApiError(paths, res.status, 'BAD_RESPONSE', text.slice(0, 200));
    }
    if (!Array.isArray(items)) throw new ApiError(paths, res.status, 'BAD_RESPONSE', text.slice(0, 200));
    return items.map((item, i) =>
      item.result
        ? { status: 'fulfilled', value: item.result.data }
        : {
            status: 'rejected',
            reason: new ApiError(
              calls[i].path,
              item.error?.data?.httpStatus ?? res.status,
              item.error?.data?.code ?? 'UNKNOWN',
              item.error?.message ?? '',
            ),
          },
    );
  }

  private async send<T>(path: string, init: RequestInit): Promise<T> {
    const res = await fetch(`${this.baseUrl}/api/trpc/${path}`, init);
    const text = await res.text();
    let body: { result?: { data: T }; error?: { message: string; data?: { code?: string } } };
    try {
      body = JSON.parse(text);
    } catch {
      throw new ApiError(path, res.status, 'BAD_RESPONSE', text.slice(0, 200));
    }
    if (!res.ok || body.error || !body.result) {
      throw new ApiError(
        path,
        res.status,
        body.error?.data?.code ?? 'UNKNOWN',
        body.error?.message ?? text.slice(0, 200),
      );
    }
    return body.result.data;
  }
}

export interface Registered {
  agentId: string;
  token: string;
}

/** What `work.poll` answers: the server's own type, so the bench cannot drift from the protocol. */
export type { Assignment } from '../../server/core/model';
