import pino from 'pino';

/** Where drivers put a failed statement's values (drizzle, pg, PGlite): never logged. */
const VALUE_FIELDS = ['params', 'queryOptions', 'detail', 'where', 'internalQuery'];

/** PostgreSQL messages that quote the offending value: `invalid input syntax for type integer: "abc"`. */
const QUOTED_VALUE: [RegExp, string][] = [
  [/(invalid input (?:syntax|value) for (?:type|enum) [^:\n]+: )"[^"\n]*"/g, '$1"[not logged]"'],
  [/(value )"[^"\n]*"( is out of range)/g, '$1"[not logged]"$2'],
];

/**
 * Pino's error serializer, minus the values of failed SQL: a statement's parameters are task
 * payloads, results and token hashes. The statement text stays (it has placeholders, `$1`).
 * Drizzle writes the values into its message too (`params: a,b`), so those are cut there as well.
 */
export function serializeError(err: unknown): unknown {
  const out = pino.stdSerializers.err(err as Error) as unknown;
  if (typeof out !== 'object' || out === null) return out;
  const fields = out as Record<string, unknown>;
  for (const key of VALUE_FIELDS) delete fields[key];
  const inlined = inlinedParams(err);
  for (const key of ['message', 'stack']) {
    if (typeof fields[key] === 'string') fields[key] = scrub(fields[key] as string, inlined);
  }
  return out;
}

/** `params: …` as drizzle wrote it into the message of each error in the cause chain. */
function inlinedParams(err: unknown): { text: string; count: number }[] {
  const found: { text: string; count: number }[] = [];
  let e = err as { params?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; e && typeof e === 'object' && depth < 10; depth++, e = e.cause as typeof e) {
    if (Array.isArray(e.params)) found.push({ text: `params: ${String(e.params)}`, count: e.params.length });
  }
  return found;
}

function scrub(text: string, inlined: { text: string; count: number }[]): string {
  let s = text;
  for (const p of inlined) if (p.text !== 'params: ') s = s.split(p.text).join(`params: [${p.count} not logged]`);
  for (const [re, replacement] of QUOTED_VALUE) s = s.replace(re, replacement);
  return s;
}
