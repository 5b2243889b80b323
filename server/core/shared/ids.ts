import { randomBytes, randomUUID } from 'node:crypto';

/** Sortable-ish, prefixed ids: the prefix tells a reader what the id names; `at` (ms) sorts them by creation. */
export function newId(prefix: 'agt' | 'tsk' | 'dec' | 'usr' | 'tok' | 'pool' | 'hook', at: number): string {
  return `${prefix}_${at.toString(36)}${randomBytes(6).toString('hex')}`;
}

export function newSecret(prefix: string): string {
  return `${prefix}_${randomBytes(24).toString('base64url')}`;
}

export const newLeaseToken = (): string => randomUUID();
