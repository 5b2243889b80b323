// Counts passed and failed tests from the runners' JSON reports, or from their summary lines
// when a report is missing (a runner that crashed before writing it).
import { readFileSync } from 'node:fs';

/** @typedef {{ passed: number, failed: number }} Tally */

const stripAnsi = (s) => s.replace(/\x1b\[[0-9;]*[A-Za-z]/g, ''); // eslint-disable-line no-control-regex

const readJson = (file) => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
};

/**
 * vitest's json reporter (Jest-compatible shape).
 * @returns {Tally | null}
 */
export function vitestTally(report) {
  if (!report || typeof report.numPassedTests !== 'number') return null;
  return { passed: report.numPassedTests, failed: report.numFailedTests ?? 0 };
}

/**
 * Playwright's json reporter: a flaky test passed on retry.
 * @returns {Tally | null}
 */
export function playwrightTally(report) {
  const s = report?.stats;
  if (!s || typeof s.expected !== 'number') return null;
  return { passed: s.expected + (s.flaky ?? 0), failed: s.unexpected ?? 0 };
}

/**
 * vitest's closing summary: "Tests  3 failed | 40 passed | 1 skipped (44)".
 * @returns {Tally | null}
 */
export function vitestSummaryTally(output) {
  const line = stripAnsi(output)
    .split('\n')
    .reverse()
    .find((l) => /^\s*Tests\s+\d+/.test(l));
  if (!line) return null;
  const n = (word) => Number(new RegExp(`(\\d+) ${word}`).exec(line)?.[1] ?? 0);
  return { passed: n('passed'), failed: n('failed') };
}

/**
 * Playwright's list reporter summary: "  12 passed (30s)", "  2 failed", "  1 flaky".
 * @returns {Tally | null}
 */
export function playwrightSummaryTally(output) {
  const lines = stripAnsi(output).split('\n');
  const count = (word) => {
    const l = [...lines].reverse().find((x) => new RegExp(`^\\s*\\d+ ${word}\\b`).test(x));
    return l ? Number(/\d+/.exec(l)[0]) : null;
  };
  const passed = count('passed');
  const failed = count('failed');
  const flaky = count('flaky');
  if (passed === null && failed === null && flaky === null) return null;
  return { passed: (passed ?? 0) + (flaky ?? 0), failed: failed ?? 0 };
}

/**
 * The report when there is one, else the summary in the output.
 * @param {'vitest' | 'playwright'} runner
 * @returns {Tally | null}
 */
export function tallyRun(runner, reportFile, output) {
  const report = readJson(reportFile);
  return runner === 'vitest'
    ? (vitestTally(report) ?? vitestSummaryTally(output))
    : (playwrightTally(report) ?? playwrightSummaryTally(output));
}
