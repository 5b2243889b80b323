import type { DeliveryQueue } from '../deliveries/delivery-module';
import type { WebhookResponse } from '../deliveries/ports';
import { DurableConsumer } from '../log/durable-consumer';
import type { CoreDeps, CoreModule } from '../shared/core-module';
import { Ticker } from '../shared/ticker';
import { ChannelService } from './channel-service';
import { NotificationPlanner } from './notification-planner';

/** Slack answers 200 with the body `ok`; some failures come back as 200 with an error word instead. */
const slackAccepts = (r: WebhookResponse) => r.status === 200 && r.body.trim() === 'ok';

/** How long a channel's receiver has to answer one request. */
export const CHANNEL_TIMEOUT_MS = 10_000;

export interface NotifyOptions {
  allowPrivate: boolean;
  publicUrl: () => string;
  /** How often repeats are looked for (and the log, without a wake-up); default 1 s. */
  intervalMs?: number;
}

/**
 * Alert notifications: channels (CRUD, test, delivery log), and one cluster loop that reads the
 * log's alert events (a durable consumer: none is missed across restarts or leader changes) and
 * then sends the repeats that are due. One loop for both, so the two never race on a group.
 */
export function createNotifyModule(deps: CoreDeps, queue: DeliveryQueue, opts: NotifyOptions) {
  const { store, clock, log } = deps;
  const channels = new ChannelService({
    channels: store.channels,
    deliveries: store.deliveries,
    queue,
    clock,
    allowPrivate: opts.allowPrivate,
    publicUrl: opts.publicUrl,
  });
  queue.registerTarget('channel', async (id) => {
    const [c, secret] = await Promise.all([store.channels.get(id), store.channels.secretOf(id)]);
    if (!c || !secret) return null;
    return {
      url: c.url,
      secret,
      enabled: c.enabled,
      timeoutMs: CHANNEL_TIMEOUT_MS,
      ...(c.type === 'slack' ? { accepts: slackAccepts } : {}),
    };
  });
  const planner = new NotificationPlanner({
    channels: store.channels,
    notifications: store.notifications,
    clock,
    log: log.child({ part: 'notifications' }),
    publicUrl: opts.publicUrl,
    delivered: () => queue.kick(),
  });
  // From the log's oldest event the first time: an alert raised while the loop was first starting is not skipped.
  const consumer = new DurableConsumer('notifications', store.events, (e) => planner.onEvent(e), clock, log, {
    from: 'start',
  });
  const loop = new Ticker(
    'notifications',
    opts.intervalMs ?? 1_000,
    async () => {
      planner.beginPass();
      try {
        await consumer.drain();
      } finally {
        await planner.repeats().finally(() => planner.endPass());
      }
    },
    clock,
    log,
    { scope: 'cluster', minKickGapMs: 20 },
  );
  const module: CoreModule = {
    name: 'notifications',
    loops: [loop],
    onEvent(e) {
      if (e.name.startsWith('alert:')) loop.kick();
    },
  };
  return { channels, planner, loop, module };
}
