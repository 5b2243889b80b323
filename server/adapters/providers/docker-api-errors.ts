/** Reading the errors dockerode rejects with: the HTTP status and the engine's message ride on them. */

export function statusOf(e: unknown): number | undefined {
  return (e as { statusCode?: number } | null)?.statusCode;
}

/** The engine's own message (`No such image: x`), not dockerode's `(HTTP code 404) …` wrapper. */
export function engineMessage(e: unknown): string {
  return (e as { json?: { message?: string } } | null)?.json?.message ?? (e as Error).message;
}

/** A catch handler that turns the given HTTP statuses into `undefined` and rethrows the rest. */
export function allowStatus(...codes: number[]) {
  return (e: unknown): undefined => {
    if (codes.includes(statusOf(e) ?? -1)) return undefined;
    throw e;
  };
}
