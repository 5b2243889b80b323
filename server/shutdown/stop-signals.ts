/** The signals that stop the server: Ctrl-C, `kill`/orchestrators, a closed terminal. */
export const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
export type StopSignal = (typeof STOP_SIGNALS)[number];

/**
 * One Ctrl-C reaches the server up to three times within milliseconds: the terminal signals
 * the whole process group, and npm and the launcher forward what they got. Repeats closer
 * than this to the first are that same request.
 */
export const SAME_REQUEST_MS = 1_000;

export interface StopSignalHandlers {
  /** The first signal: drain and stop. */
  begin(signal: StopSignal): void;
  /** A signal at least SAME_REQUEST_MS after the first: hurry the stop (called once). */
  hurry(signal: StopSignal): void;
  /** Any other repeat. */
  repeat?(signal: StopSignal): void;
}

export interface SignalSource {
  on(event: StopSignal, listener: () => void): unknown;
  off(event: StopSignal, listener: () => void): unknown;
  removeAllListeners(event: StopSignal): unknown;
}

/**
 * Listens for stop signals for good (never `once`): a repeat that found no listener would meet
 * Node's default action and kill the process mid-drain, skipping the database close.
 * `replace` first removes other listeners (a framework's own handlers that exit at once).
 */
export function watchStopSignals(
  handlers: StopSignalHandlers,
  opts: { source?: SignalSource; now?: () => number; replace?: boolean } = {},
): () => void {
  const source = opts.source ?? process;
  const now = opts.now ?? Date.now;
  let firstAt: number | null = null;
  let hurried = false;
  const on = (signal: StopSignal) => {
    if (firstAt === null) {
      firstAt = now();
      handlers.begin(signal);
    } else if (!hurried && now() - firstAt >= SAME_REQUEST_MS) {
      hurried = true;
      handlers.hurry(signal);
    } else {
      handlers.repeat?.(signal);
    }
  };
  const listeners = STOP_SIGNALS.map((signal) => [signal, () => on(signal)] as const);
  for (const [signal, listener] of listeners) {
    if (opts.replace) source.removeAllListeners(signal);
    source.on(signal, listener);
  }
  return () => {
    for (const [signal, listener] of listeners) source.off(signal, listener);
  };
}
