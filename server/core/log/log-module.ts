import type { CoreDeps, CoreModule } from '../shared/core-module';
import { Ticker } from '../shared/ticker';
import { LogFeed } from './log-feed';
import type { LogWakeups } from './ports';

/** Events are kept this long by default (database time), then pruned in batches. */
export const DEFAULT_EVENT_RETENTION_MS = 7 * 24 * 3_600_000;
const PRUNE_BATCH = 5_000;
/** At most this many batches per prune tick, so a large backlog is worked off over several ticks. */
const PRUNE_BATCHES_PER_TICK = 20;

/** The event log on this replica: its one reader (the feed), its wake-ups and its retention. */
export function createLogModule(
  { store, clock, log }: CoreDeps,
  opts: { wakeups?: LogWakeups; retentionMs?: number; pollMs?: number },
) {
  const feed = new LogFeed(store.events, clock, log.child({ part: 'event-log' }), opts.pollMs);
  let unwatch: (() => Promise<void>) | null = null;
  const retentionMs = opts.retentionMs ?? DEFAULT_EVENT_RETENTION_MS;
  const pruner = new Ticker(
    'event-log-pruner',
    60_000,
    async () => {
      for (let i = 0; i < PRUNE_BATCHES_PER_TICK; i++)
        if ((await store.events.prune(retentionMs, PRUNE_BATCH)) < PRUNE_BATCH) return;
    },
    clock,
    log,
    { scope: 'cluster' },
  );
  const module: CoreModule = {
    name: 'event-log',
    // The feed's own loop is started by the orchestrator (it must know the log's end first).
    loops: [pruner],
    start() {
      // The orchestrator starts the feed itself (and waits for it); the wake-ups only speed it up.
      void (async () => {
        unwatch = (await opts.wakeups?.watch(() => feed.wake())) ?? null;
      })().catch((err) => log.warn({ err }, 'no event wake-ups: the log reader polls'));
    },
    stop() {
      void unwatch?.();
      void feed.stop();
    },
  };
  return { feed, module };
}
