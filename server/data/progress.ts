import cliProgress from 'cli-progress';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const out = process.stderr;

export interface Step {
  /** Ends the step with a ✓ line (its label, or `message`). */
  done(message?: string): void;
  /** Ends the step without a line (the error that follows says why). */
  fail(): void;
}

export interface RowBar {
  add(rows: number): void;
  done(message: string): void;
  fail(): void;
}

const elapsed = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)}s`;

/**
 * A step of unknown length: a spinner line with elapsed seconds on a terminal, a plain
 * "label…" line otherwise. Progress goes to stderr; results go to stdout.
 */
export function step(label: string): Step {
  const started = Date.now();
  let frame = 0;
  const timer = out.isTTY
    ? setInterval(() => out.write(`\r${FRAMES[frame++ % FRAMES.length]} ${label} ${elapsed(started)} `), 100)
    : null;
  if (!timer) out.write(`${label}…\n`);
  const clear = () => {
    if (!timer) return;
    clearInterval(timer);
    out.write('\r\x1b[2K');
  };
  return {
    done(message) {
      clear();
      out.write(`✓ ${message ?? label} (${elapsed(started)})\n`);
    },
    fail: clear,
  };
}

/** Rows moved out of a known total: a bar on a terminal, a line per quarter otherwise. */
export function rowBar(label: string, total: number): RowBar {
  const started = Date.now();
  let value = 0;
  let nextNote = 0.25;
  const bar = out.isTTY
    ? new cliProgress.SingleBar(
        { format: ` ${label} {bar} {value}/{total} rows`, barsize: 30, fps: 5, hideCursor: true, stream: out },
        cliProgress.Presets.shades_classic,
      )
    : null;
  if (bar) bar.start(Math.max(total, 1), 0);
  else out.write(`${label}: ${total} rows…\n`);
  return {
    add(rows) {
      value += rows;
      if (bar) bar.update(value);
      else if (total > 0 && value / total >= nextNote && value < total) {
        out.write(`  ${Math.floor((value / total) * 100)}% (${value}/${total} rows)\n`);
        while (nextNote <= value / total) nextNote += 0.25;
      }
    },
    done(message) {
      bar?.stop();
      out.write(`✓ ${message} (${elapsed(started)})\n`);
    },
    fail: () => bar?.stop(),
  };
}
