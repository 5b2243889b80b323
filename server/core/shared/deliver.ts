/** Hands `value` to every handler; one that throws must not stop delivery to the others. */
export function deliverAll<T>(handlers: Iterable<(value: T) => void>, value: T): void {
  for (const h of handlers) {
    try {
      h(value);
    } catch {
      /* handlers deal with their own errors */
    }
  }
}
