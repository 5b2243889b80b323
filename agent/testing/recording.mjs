// Reads a recorded CLI session for replay. Plain JavaScript: the fake CLIs run it without tsx.
//
// A recording is the CLI's stdout, one line per line, plus directives on lines of their own:
//   #fake: exit <code>       exit code once replayed (default 0)
//   #fake: delay <ms>        pause between lines from here on (default 5)
//   #fake: sleep <ms>        pause once, here (a slow task)
//   #fake: stderr <text>     write a line to stderr
// Times that must be in the future when replayed are written {{epoch+<seconds>}} (epoch seconds).
import { readFileSync } from 'node:fs';

/** @returns {{ exitCode: number, steps: Array<{ kind: 'stdout' | 'stderr' | 'delay' | 'sleep', value: string | number }> }} */
export function readRecording(path, now = Date.now()) {
  const text = readFileSync(path, 'utf8').replace(/\{\{epoch\+(\d+)\}\}/g, (_, s) =>
    String(Math.floor(now / 1000) + Number(s)),
  );
  const steps = [];
  let exitCode = 0;
  for (const line of text.split('\n')) {
    const directive = /^#fake:\s*(\w+)\s*(.*)$/.exec(line);
    if (!directive) {
      steps.push({ kind: 'stdout', value: line });
      continue;
    }
    const [, name, arg] = directive;
    if (name === 'exit') exitCode = Number(arg);
    else if (name === 'delay' || name === 'sleep') steps.push({ kind: name, value: Number(arg) });
    else if (name === 'stderr') steps.push({ kind: 'stderr', value: arg });
  }
  while (steps.length && steps.at(-1).kind === 'stdout' && steps.at(-1).value === '') steps.pop();
  return { exitCode, steps };
}

/** The stdout lines only, as a parser sees them. */
export function recordedLines(path, now = Date.now()) {
  return readRecording(path, now)
    .steps.filter((s) => s.kind === 'stdout')
    .map((s) => String(s.value));
}
