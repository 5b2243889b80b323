import type { DeliveryStore, DeliveryTargetLookup, NewDelivery, WebhookSender } from '../deliveries/ports';
import { DurableConsumer } from '../log/durable-consumer';
import type { CoreDeps, CoreModule } from '../shared/core-module';
import { createAssignmentScreen } from './assignment-screen';
import { hookEventsOf } from './catalogue';
import { createEventDeliveries } from './event-deliveries';
import { HookService } from './hook-service';
import { httpReviewer } from './http-reviewer';
import { notifyPlugins, pluginReviewer, type Plugin } from './plugin';
import { PreAssignGate } from './pre-assign-gate';
import { HOLD_BACKOFF, type AssignmentReviewer } from './reviewer';

export interface HooksOptions {
  /** The outgoing delivery queue; without it event subscriptions are kept but nothing is queued. */
  deliveries?: DeliveryStore | null;
  /** New deliveries were written: the deliverer sends them soon rather than on its next interval. */
  kick?: () => void;
  /** FLIGHTDECK_ALLOW_PRIVATE_WEBHOOKS: hook URLs may be loopback or private addresses. */
  allowPrivate?: boolean;
  /** The safe sender pre-assignment hooks are asked through; without it they fail (and follow their fail mode). */
  sender?: WebhookSender | null;
  plugins?: readonly Plugin[];
  /** First hold of a vetoed task (default 5 s); it doubles per hold in a row, up to 5 min. */
  holdBaseMs?: number;
}

/**
 * Hooks: event subscriptions (a durable consumer of the log queues their deliveries, on the
 * leader), pre-assignment hooks and plugins (the dispatcher's screen, on every replica), and
 * plugins' `onEvent`, called on every replica for each catalogue event it reads from the log.
 */
export function createHooksModule(deps: CoreDeps, opts: HooksOptions = {}) {
  const { clock, log } = deps;
  const hooks = deps.store.hooks;
  const plugins = opts.plugins ?? [];
  const sender = opts.sender ?? null;
  const noSender: WebhookSender = {
    post: async () => ({ status: null, latencyMs: 0, body: '', error: 'no webhook sender is configured' }),
  };
  const gate = new PreAssignGate(
    async (): Promise<AssignmentReviewer[]> => [
      ...(await hooks.enabled('pre-assignment')).map((h) => httpReviewer(h, sender ?? noSender, () => clock.now())),
      ...plugins.filter((p) => p.preAssign).map(pluginReviewer),
    ],
    clock,
    log.child({ part: 'pre-assign' }),
  );
  const backoff = { ...HOLD_BACKOFF, ...(opts.holdBaseMs ? { baseMs: opts.holdBaseMs } : {}) };
  const screen = createAssignmentScreen(gate, hooks, log.child({ part: 'pre-assign' }), backoff);
  const queue = opts.deliveries ?? null;
  const kick = opts.kick ?? (() => {});
  const enqueue = async (rows: NewDelivery[]) => {
    const ids = await queue!.enqueue(rows);
    if (ids.length) kick();
    return ids;
  };
  const events = queue ? createEventDeliveries(hooks, enqueue, clock) : null;
  const consumer = events
    ? new DurableConsumer('hooks', deps.store.events, (e) => events.handle(e), clock, log.child({ part: 'hooks' }))
    : null;
  const service = new HookService(hooks, clock, {
    deliveries: queue,
    kick,
    allowPrivate: opts.allowPrivate ?? false,
    onChange: () => {
      gate.invalidate();
      events?.invalidate();
    },
  });
  /** The deliverer's lookup for `hook` deliveries. */
  const hookTargets: DeliveryTargetLookup = (id) => hooks.target(id);
  const module: CoreModule = {
    name: 'hooks',
    loops: consumer ? [consumer.loop] : [],
    start() {
      // The cursor exists from start-up, so events before the consumer's first pass are not skipped.
      if (consumer)
        void deps.store.events
          .head()
          .then((head) => deps.store.events.cursor(consumer.name, head))
          .catch((err) => log.error({ err }, 'creating the hooks cursor failed'));
    },
    onEvent(e) {
      const mapped = hookEventsOf(e);
      if (!mapped.length) return;
      consumer?.wake();
      for (const h of mapped) notifyPlugins(plugins, h, log);
    },
  };
  return { service, screen, gate, hookTargets, consumer, module };
}
