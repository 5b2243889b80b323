/**
 * What a fault-suite agent does with each task it holds, chosen by its `--behaviour` flag:
 * `ok`, `fail-always`, `fail-then-ok:<N>` (N failures, then ok), `fail-then-ok:<path>`
 * (fails until the file exists: the harness decides when the agent has "recovered"),
 * `poison-dies` (SIGKILLs itself when it receives a task whose payload has `poison: true`).
 */
export type Behaviour =
  | { kind: 'ok' }
  | { kind: 'fail-always' }
  | { kind: 'fail-then-ok'; failures: number }
  | { kind: 'fail-then-ok'; untilFile: string }
  | { kind: 'poison-dies' };

export type Verdict = 'complete' | 'fail' | 'die';

export function parseBehaviour(raw: string): Behaviour {
  if (raw === 'ok' || raw === 'fail-always' || raw === 'poison-dies') return { kind: raw };
  const m = /^fail-then-ok:(.+)$/.exec(raw);
  if (m) {
    const arg = m[1];
    if (/^\d+$/.test(arg)) return { kind: 'fail-then-ok', failures: Number(arg) };
    return { kind: 'fail-then-ok', untilFile: arg };
  }
  throw new Error(`unknown behaviour "${raw}" (ok, fail-always, fail-then-ok:<N|file>, poison-dies)`);
}

/** The verdict for one task; `failedSoFar` and `fileExists` are the agent's own state. */
export function verdictFor(
  b: Behaviour,
  task: { poison: boolean },
  state: { failedSoFar: number; fileExists: () => boolean },
): Verdict {
  switch (b.kind) {
    case 'ok':
      return 'complete';
    case 'fail-always':
      return 'fail';
    case 'poison-dies':
      return task.poison ? 'die' : 'complete';
    case 'fail-then-ok':
      if ('failures' in b) return state.failedSoFar < b.failures ? 'fail' : 'complete';
      return state.fileExists() ? 'complete' : 'fail';
  }
}

/** "20-200" → [20, 200]; "30" → [30, 30]. */
export function parseRange(raw: string): [number, number] {
  const m = /^(\d+)(?:-(\d+))?$/.exec(raw.trim());
  if (!m) throw new Error(`expected a delay like 30 or 20-200 (ms), got "${raw}"`);
  const lo = Number(m[1]);
  const hi = m[2] === undefined ? lo : Number(m[2]);
  if (hi < lo) throw new Error(`delay range ${raw}: the upper bound is below the lower`);
  return [lo, hi];
}
