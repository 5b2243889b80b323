import { z } from 'zod';

/** Where a page of a newest-first list ended: the last row's creation time and id. */
export interface PageCursor {
  createdAt: number;
  id: string;
}

// Beyond ±8.64e15 ms a JavaScript Date is invalid; ids are ours (`tsk_…`), so anything else is not a cursor.
const MAX_TIME = 8.64e15;
const ID = /^[A-Za-z0-9_-]{1,64}$/;

export function encodePageCursor(c: PageCursor): string {
  return Buffer.from(`${c.createdAt}|${c.id}`).toString('base64url');
}

export function decodePageCursor(cursor: string): PageCursor | null {
  const [at, id, ...rest] = Buffer.from(cursor, 'base64url').toString().split('|');
  const createdAt = Number(at);
  if (rest.length || !Number.isSafeInteger(createdAt) || Math.abs(createdAt) > MAX_TIME || !ID.test(id ?? ''))
    return null;
  return { createdAt, id };
}

/** A list's `cursor` input: only what an earlier page answered as `nextCursor`. */
export const PageCursorInput = z
  .string()
  .max(200)
  .refine(
    (c) => decodePageCursor(c) !== null,
    'is not a cursor from this list (pass nextCursor from the previous page)',
  );
