import cliProgress from 'cli-progress';

export interface Bar {
  update(value: number, info?: string): void;
  setTotal(total: number): void;
}

const NO_BAR: Bar = { update() {}, setTotal() {} };

/**
 * Progress bars on stderr when it is a terminal; plain notes when it is not; nothing at all in
 * --json mode. Bars are redrawn a few times a second, so updating one is cheap.
 */
export class Progress {
  private multi: cliProgress.MultiBar | null = null;
  private readonly bars: boolean;

  constructor(private readonly enabled: boolean) {
    this.bars = enabled && Boolean(process.stderr.isTTY);
  }

  bar(label: string, total: number): Bar {
    if (!this.bars) return NO_BAR;
    this.multi ??= new cliProgress.MultiBar(
      {
        format: ' {label} {bar} {value}/{total} {info}',
        barsize: 30,
        fps: 5,
        hideCursor: true,
        clearOnComplete: false,
        stopOnComplete: false,
        stream: process.stderr,
        autopadding: true,
      },
      cliProgress.Presets.shades_classic,
    );
    const bar = this.multi.create(total, 0, { label: label.padEnd(10), info: '' });
    return {
      update: (value, info) => bar.update(value, info === undefined ? undefined : { info }),
      setTotal: (t) => bar.setTotal(t),
    };
  }

  /** A line above the bars (or on stderr when there are none). */
  note(line: string): void {
    if (!this.enabled) return;
    if (this.multi) this.multi.log(`${line}\n`);
    else process.stderr.write(`${line}\n`);
  }

  /** Finishes the current group of bars; the next bar() starts a new group. */
  done(): void {
    this.multi?.stop();
    this.multi = null;
  }
}
