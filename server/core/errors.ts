/** Error codes the core speaks; `server/trpc/error-map.ts` is the one place they become tRPC/HTTP codes. */
export type CoreErrorCode =
  'NOT_FOUND' | 'CONFLICT' | 'INVALID' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'UNAVAILABLE' | 'RATE_LIMITED';

// A brand instead of `instanceof`: Next bundles server code more than once, so class identity is not reliable.
const BRAND = Symbol.for('flightdeck.CoreError');

export class CoreError extends Error {
  readonly [BRAND] = true;
  constructor(
    readonly code: CoreErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'CoreError';
  }
}

export function isCoreError(e: unknown): e is CoreError {
  return typeof e === 'object' && e !== null && (e as Record<symbol, unknown>)[BRAND] === true;
}

export const notFound = (what: string, id: string) => new CoreError('NOT_FOUND', `${what} ${id} not found`, { id });
export const conflict = (message: string, details?: Record<string, unknown>) =>
  new CoreError('CONFLICT', message, details);
export const invalid = (message: string, details?: Record<string, unknown>) =>
  new CoreError('INVALID', message, details);
export const unavailable = (message: string, details?: Record<string, unknown>) =>
  new CoreError('UNAVAILABLE', message, details);
