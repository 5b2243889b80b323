import type { TRPCError } from '@trpc/server';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from '@/server/adapters/store/unavailable';
import { databaseUnavailable } from './error-map';

/** A 503 answer tells clients when to come back (agents and load balancers honour Retry-After). */
export function unavailableMeta({ errors }: { errors: TRPCError[] }) {
  return errors.some((e) => e.code === 'SERVICE_UNAVAILABLE')
    ? { headers: { 'retry-after': String(RETRY_AFTER_SECONDS) } }
    : {};
}

/** Context creation reads the database (tokens, sessions): a database that is away is a 503, not a 500. */
export async function guardUnavailable<T>(make: () => Promise<T>): Promise<T> {
  try {
    return await make();
  } catch (err) {
    if (isDatabaseUnavailable(err)) throw databaseUnavailable(err);
    throw err;
  }
}
