import { TRPCError } from '@trpc/server';
import { ZodRealError } from 'zod';

/** Deeper JSON than any of our inputs needs; past it, serialisers run out of stack. */
export const MAX_INPUT_DEPTH = 64;

type Path = (string | number)[];
export interface InputProblem {
  path: Path;
  message: string;
}

/**
 * What no field of any procedure may hold, whatever its schema: PostgreSQL refuses a NUL
 * character in text and JSON, and very deep nesting exhausts the stack. Walks iteratively.
 */
export function findInputProblem(input: unknown): InputProblem | null {
  const stack: { value: unknown; path: Path }[] = [{ value: input, path: [] }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\0')) return { path, message: 'must not contain a NUL character (\\u0000)' };
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (path.length >= MAX_INPUT_DEPTH) return { path, message: `is nested more than ${MAX_INPUT_DEPTH} levels deep` };
    if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push({ value: item, path: [...path, i] }));
      continue;
    }
    for (const [key, item] of Object.entries(value)) {
      if (key.includes('\0')) return { path, message: 'must not have a key containing a NUL character (\\u0000)' };
      stack.push({ value: item, path: [...path, key] });
    }
  }
  return null;
}

/** A 400 naming the field, formatted like every other validation error. */
export function inputProblemError(problem: InputProblem): TRPCError {
  const cause = new ZodRealError([{ code: 'custom', path: problem.path, message: problem.message, input: undefined }]);
  return new TRPCError({ code: 'BAD_REQUEST', message: problem.message, cause });
}
