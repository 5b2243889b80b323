/** How far a forwarded request had got when its replica failed. */
export type ForwardStage =
  /** No connection: refused or unreachable. Nothing reached the replica. */
  | 'not-sent'
  /** Connected and (partly) sent, no answer yet. */
  | 'sent'
  /** The answer has begun reaching the client. */
  | 'answering';

/** Methods that change nothing: tRPC queries are GETs, every mutation is a POST. */
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether a request whose replica failed may be sent to another one:
 * - not sent: always (each replica is tried once per request), nothing happened yet;
 * - sent, unanswered: a query, once. A mutation may have taken effect on the replica that
 *   died, so it answers 502 and the caller decides (the agent worker retries it);
 * - answering: never, the client already has part of an answer.
 */
export function mayRetry(stage: ForwardStage, method: string, retriesAfterSending: number): boolean {
  if (stage === 'not-sent') return true;
  if (stage === 'sent') return IDEMPOTENT.has(method.toUpperCase()) && retriesAfterSending < 1;
  return false;
}
