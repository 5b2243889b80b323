import { backoffDelay, type BackoffPolicy, DEFAULT_BACKOFF, sleep } from './backoff';
import type { Logger } from './logger';

/** An answer the server gave (status and tRPC code), or BAD_RESPONSE for one it could not read. */
export class ApiError extends Error {
  constructor(
    readonly path: string,
    readonly status: number,
    readonly code: string,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(`${path}: ${status} ${code}: ${message}`);
    this.name = 'ApiError';
  }
}

export const isAuthError = (err: unknown): err is ApiError => err instanceof ApiError && err.status === 401;
/** 4xx other than 401: the server refused this call for good (e.g. 409 CONFLICT, the lease is gone). */
export const isRefusal = (err: unknown): err is ApiError =>
  err instanceof ApiError && err.status >= 400 && err.status < 500 && err.status !== 401;

const TRANSIENT_STATUS = new Set([502, 503, 504]);

export interface ApiClientOptions {
  url: string;
  token: string;
  logger?: Logger;
  backoff?: BackoffPolicy;
  /** Longest a single request may take before it counts as a network failure. */
  requestTimeoutMs?: number;
}

/**
 * The agent's side of the tRPC HTTP API (plain JSON: POST for mutations, GET `?input=` for
 * queries). Network errors and 502/503/504 are retried with backoff until they succeed or the
 * caller's signal aborts: a worker outlives a server restart or a database outage.
 */
export class ApiClient {
  private readonly base: string;
  private token: string;
  private readonly backoff: BackoffPolicy;
  private failingSince: number | null = null;

  constructor(private readonly opts: ApiClientOptions) {
    const url = opts.url.replace(/\/+$/, '');
    this.base = url.endsWith('/api/trpc') ? url : `${url}/api/trpc`;
    this.token = opts.token;
    this.backoff = opts.backoff ?? DEFAULT_BACKOFF;
  }

  setToken(token: string): void {
    this.token = token;
  }

  query<T>(path: string, input?: unknown, signal?: AbortSignal): Promise<T> {
    const qs = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
    return this.withRetry(path, signal, (s) =>
      this.send<T>(path, `${this.base}/${path}${qs}`, { method: 'GET', headers: this.headers(), signal: s }),
    );
  }

  mutate<T>(path: string, input: unknown, signal?: AbortSignal): Promise<T> {
    return this.withRetry(path, signal, (s) =>
      this.send<T>(path, `${this.base}/${path}`, {
        method: 'POST',
        headers: { ...this.headers(), 'content-type': 'application/json' },
        body: JSON.stringify(input ?? {}),
        signal: s,
      }),
    );
  }

  private headers(): Record<string, string> {
    return { authorization: `Bearer ${this.token}`, 'accept-encoding': 'identity' };
  }

  private async withRetry<T>(
    path: string,
    signal: AbortSignal | undefined,
    once: (signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      signal?.throwIfAborted();
      const timeout = AbortSignal.timeout(this.opts.requestTimeoutMs ?? 60_000);
      try {
        const value = await once(signal ? AbortSignal.any([signal, timeout]) : timeout);
        if (this.failingSince !== null) {
          this.opts.logger?.info({ path, downMs: Date.now() - this.failingSince }, 'server reachable again');
          this.failingSince = null;
        }
        return value;
      } catch (err) {
        signal?.throwIfAborted();
        if (err instanceof ApiError && !TRANSIENT_STATUS.has(err.status)) throw err;
        const delay =
          err instanceof ApiError && err.retryAfterMs !== undefined
            ? err.retryAfterMs
            : backoffDelay(attempt, this.backoff);
        this.failingSince ??= Date.now();
        // Every attempt of a long outage is noise: the first few, then every tenth.
        if (attempt < 3 || attempt % 10 === 0)
          this.opts.logger?.warn(
            { path, attempt, retryInMs: delay, err: describe(err) },
            'server unavailable, retrying',
          );
        await sleep(delay, signal);
      }
    }
  }

  private async send<T>(path: string, url: string, init: RequestInit): Promise<T> {
    const res = await fetch(url, init);
    const text = await res.text();
    const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'));
    let body: { result?: { data: T }; error?: { message?: string; data?: { code?: string; httpStatus?: number } } };
    try {
      body = JSON.parse(text);
    } catch {
      throw new ApiError(path, res.status, 'BAD_RESPONSE', text.slice(0, 200), retryAfterMs);
    }
    if (!res.ok || body.error || !body.result) {
      throw new ApiError(
        path,
        body.error?.data?.httpStatus ?? res.status,
        body.error?.data?.code ?? 'UNKNOWN',
        body.error?.message ?? text.slice(0, 200),
        retryAfterMs,
      );
    }
    return body.result.data;
  }
}

/** `Retry-After` in seconds or as an HTTP date; capped so a bad header cannot stall the worker. */
function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const ms = /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) * 1000 : Date.parse(value) - Date.now();
  return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), 60_000) : undefined;
}

function describe(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  const cause = (err as { cause?: { code?: string } })?.cause?.code;
  return `${(err as Error)?.message ?? err}${cause ? ` (${cause})` : ''}`;
}
