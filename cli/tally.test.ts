import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { playwrightSummaryTally, playwrightTally, tallyRun, vitestSummaryTally, vitestTally } from './tally.mjs';

describe('test tallies', () => {
  it('reads vitest and Playwright JSON reports', () => {
    expect(vitestTally({ numPassedTests: 40, numFailedTests: 2, numPendingTests: 1 })).toEqual({
      passed: 40,
      failed: 2,
    });
    expect(playwrightTally({ stats: { expected: 5, unexpected: 1, flaky: 1, skipped: 2 } })).toEqual({
      passed: 6,
      failed: 1,
    });
    expect(vitestTally({})).toBeNull();
    expect(playwrightTally(null)).toBeNull();
  });

  it('falls back to the summary lines, colours and all', () => {
    const vitest =
      '\x1b[2m Test Files \x1b[22m 1 failed | 12 passed (13)\n\x1b[2m      Tests \x1b[22m \x1b[1m\x1b[31m3 failed\x1b[39m | \x1b[32m54 passed\x1b[39m | 1 skipped (58)\n';
    expect(vitestSummaryTally(vitest)).toEqual({ passed: 54, failed: 3 });
    const playwright =
      '  ✓  7 e2e/x.spec.ts:35:1 › works (11.5s)\n\n  1 failed\n    e2e/y.spec.ts:4:1 › breaks\n  1 flaky\n  6 passed (1.8m)\n';
    expect(playwrightSummaryTally(playwright)).toEqual({ passed: 7, failed: 1 });
    expect(vitestSummaryTally('no summary here')).toBeNull();
  });

  it('prefers the report file and uses the output when it is missing', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tally-'));
    const file = path.join(dir, 'vitest.json');
    writeFileSync(file, JSON.stringify({ numPassedTests: 9, numFailedTests: 0 }));
    expect(tallyRun('vitest', file, 'Tests  1 failed | 1 passed')).toEqual({ passed: 9, failed: 0 });
    expect(tallyRun('vitest', path.join(dir, 'missing.json'), 'Tests  1 failed | 1 passed')).toEqual({
      passed: 1,
      failed: 1,
    });
  });
});
