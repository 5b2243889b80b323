/** PostgreSQL aborted the statement to break a deadlock or a serialization conflict: it changed nothing. */
export function isTransientConflict(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 6; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (code === '40P01' || code === '40001') return true;
  }
  return false;
}

/**
 * Runs a single self-contained statement again when PostgreSQL aborted it over a lock conflict
 * (batched writes touch many task rows in an order no two statements share). Only for
 * statements outside an explicit transaction: an aborted statement there is rolled back whole.
 */
export async function retryOnConflict<T>(run: () => Promise<T>, attempts = 4): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await run();
    } catch (err) {
      if (i >= attempts || !isTransientConflict(err)) throw err;
      await new Promise((r) => setTimeout(r, 2 + Math.random() * 10 * i));
    }
  }
}
