import type { ManagedExit } from './ports';

/** How many stderr lines a decision's reason quotes (the member row and the inputs keep them all). */
const QUOTED_LINES = 3;

/** "exited with code 3", "was killed by SIGKILL", or why it is unknown. */
export function describeExit(exit: ManagedExit | null): string {
  if (!exit) return 'stopped (no exit status: it was started by an earlier server process, or its provider keeps none)';
  if (exit.signal) return `was killed by ${exit.signal}`;
  if (exit.code !== null) return `exited with code ${exit.code}`;
  return 'stopped (exit status unknown)';
}

/** `exited with code 3; stderr: "no API key" | "giving up"`: the exit and the last lines it wrote. */
export function crashSummary(exit: ManagedExit | null): string {
  const lines = exit?.stderr.filter((l) => l.trim()).slice(-QUOTED_LINES) ?? [];
  const stderr = lines.length
    ? `; stderr: ${lines.map((l) => JSON.stringify(l)).join(' | ')}`
    : exit
      ? '; no stderr output'
      : '';
  return `${describeExit(exit)}${stderr}`;
}
