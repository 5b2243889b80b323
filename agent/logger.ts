import pino, { type Logger } from 'pino';

export type { Logger };

/** One JSON line per event on stderr (stdout stays free for `--detect` and `--help`). */
export function createLogger(level: string, name = 'flightdeck-agent'): Logger {
  return pino(
    { name, level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime },
    pino.destination({ dest: 2, sync: true }),
  );
}
