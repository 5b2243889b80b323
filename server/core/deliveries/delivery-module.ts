import type { CoreDeps, CoreModule } from '../shared/core-module';
import { Ticker } from '../shared/ticker';
import { Deliverer, DELIVERY_RETRY } from './deliverer';
import type { DeliveryAttempt, DeliveryTargetKind, DeliveryTargetLookup, NewDelivery, WebhookSender } from './ports';

/** Without a sender (a core built without the HTTP adapter), every attempt fails and says why. */
const NO_SENDER: WebhookSender = {
  post: async () => ({ status: null, latencyMs: 0, body: '', error: 'this server has no webhook sender' }),
};

export interface DeliveryOptions {
  sender?: WebhookSender;
  /** `Flightdeck/<version>` */
  userAgent: string;
  /** Safety-net interval of the deliverer; enqueues kick it. */
  intervalMs?: number;
  /** Attempts before a delivery is marked failed (default MAX_DELIVERY_ATTEMPTS). */
  maxAttempts?: number;
  /** First retry wait (default DELIVERY_RETRY.baseMs); it doubles per attempt up to the cap. */
  baseMs?: number;
}

/** What channels and hooks use: enqueue (the leader sends), send a test now, say where a target's deliveries go. */
export interface DeliveryQueue {
  enqueue(rows: NewDelivery[]): Promise<string[]>;
  /** New rows were written elsewhere (inside another store's transaction): send soon. */
  kick(): void;
  registerTarget(kind: DeliveryTargetKind, lookup: DeliveryTargetLookup): void;
  /**
   * Writes the delivery and sends it from this replica at once, once (no retry): an operator's
   * "send test". The row is written due far ahead, so the leader's deliverer never sends it too.
   */
  sendNow(row: NewDelivery): Promise<{ id: string; attempt: DeliveryAttempt }>;
}

/** A year: a test send's row is never due for the deliverer loop. */
const NEVER_MS = 365 * 24 * 3_600_000;

/** The outgoing delivery queue and its sender loop (cluster-scoped: the leader sends). */
export function createDeliveryModule(deps: CoreDeps, opts: DeliveryOptions) {
  const { store, clock, log } = deps;
  const deliverer = new Deliverer(store.deliveries, opts.sender ?? NO_SENDER, clock, log.child({ part: 'deliverer' }), {
    userAgent: opts.userAgent,
    maxAttempts: opts.maxAttempts,
    retry: { ...DELIVERY_RETRY, ...(opts.baseMs ? { baseMs: opts.baseMs } : {}) },
  });
  const loop: Ticker = new Ticker(
    'deliverer',
    opts.intervalMs ?? 1_000,
    async () => {
      // More may be due (a subject's next row, a full batch): go again soon rather than in a second.
      if (await deliverer.tick()) loop.kick();
    },
    clock,
    log,
    { scope: 'cluster', minKickGapMs: 20 },
  );
  const queue: DeliveryQueue = {
    async enqueue(rows) {
      const ids = await store.deliveries.enqueue(rows);
      if (ids.length) loop.kick();
      return ids;
    },
    kick: () => loop.kick(),
    registerTarget: (kind, lookup) => deliverer.registerTarget(kind, lookup),
    async sendNow(row) {
      const [id] = await store.deliveries.enqueue([{ ...row, nextAttemptAt: clock.now() + NEVER_MS }]);
      const d = id ? await store.deliveries.get(id) : null;
      if (!d) throw new Error(`delivery ${row.dedupeKey} was not written`);
      return { id: d.id, attempt: await deliverer.attempt(d, true) };
    },
  };
  const module: CoreModule = { name: 'deliveries', loops: [loop] };
  return { queue, deliverer, loop, module };
}
