import type { PoolRow } from './types';

/** Whether a pool matches the list's search: every word in its name, a capability, its provider or adapter. */
export function matchesPoolSearch(
  pool: Pick<PoolRow, 'name' | 'capabilities' | 'provider' | 'adapter'>,
  search: string,
): boolean {
  const haystack = [pool.name, ...pool.capabilities, pool.provider, pool.adapter].join(' ').toLowerCase();
  return search
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}
