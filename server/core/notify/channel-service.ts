import { randomBytes } from 'node:crypto';
import { actorRef } from '../access/actor';
import type { RequestContext } from '../access/request-context';
import { checkWebhookUrl } from '../deliveries/address-policy';
import type { DeliveryQueue } from '../deliveries/delivery-module';
import type { Delivery, DeliveryStore } from '../deliveries/ports';
import { conflict, notFound } from '../errors';
import type { Clock } from '../ports';
import { newSecret } from '../shared/ids';
import { CreateChannelInput, UpdateChannelInput } from './channel-input';
import { renderNotification } from './formats/render';
import type { Channel, ChannelStore } from './ports';
import { testNotification } from './test-notification';

export interface ChannelServiceParts {
  channels: ChannelStore;
  deliveries: DeliveryStore;
  queue: DeliveryQueue;
  clock: Clock;
  /** FLIGHTDECK_ALLOW_PRIVATE_WEBHOOKS: loopback and private URLs may be saved (and sent to). */
  allowPrivate: boolean;
  publicUrl: () => string;
}

/** A delivery as the delivery log shows it (no body: it may be large). */
const logEntry = (d: Delivery) => ({
  id: d.id,
  eventName: d.eventName,
  status: d.status,
  attempts: d.attempts,
  responseStatus: d.responseStatus,
  latencyMs: d.latencyMs,
  responseExcerpt: d.responseExcerpt,
  error: d.error,
  createdAt: d.createdAt,
  lastAttemptAt: d.lastAttemptAt,
  nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt : null,
});

const newChannelId = (now: number) => `chn_${now.toString(36)}${randomBytes(6).toString('hex')}`;

/** Notification channels: where alert notifications go, their secrets (shown once), test sends and the delivery log. */
export class ChannelService {
  constructor(private readonly p: ChannelServiceParts) {}

  list(_req: RequestContext): Promise<Channel[]> {
    return this.p.channels.list();
  }

  async get(id: string): Promise<Channel> {
    const c = await this.p.channels.get(id);
    if (!c) throw notFound('channel', id);
    return c;
  }

  /** The answer carries the signing secret: the only time it is shown. */
  async create(req: RequestContext, raw: CreateChannelInput): Promise<Channel & { secret: string }> {
    const input = CreateChannelInput.parse(raw);
    const url = checkWebhookUrl(input.url, this.p.allowPrivate);
    const secret = newSecret('whsec');
    const c = await this.p.channels.create({
      ...input,
      url,
      id: newChannelId(this.p.clock.now()),
      secret,
      createdBy: actorRef(req.actor),
    });
    if (!c) throw conflict(`name: a channel named ${input.name} already exists`, { field: 'name' });
    req.log.info({ channel: c.name, type: c.type }, 'channel created');
    return { ...c, secret };
  }

  /** Changes the fields sent; `rotateSecret` makes a new secret, answered this once. */
  async update(req: RequestContext, raw: UpdateChannelInput): Promise<Channel & { secret?: string }> {
    const { id, rotateSecret, ...patch } = UpdateChannelInput.parse(raw);
    await this.get(id);
    if (patch.url !== undefined) patch.url = checkWebhookUrl(patch.url, this.p.allowPrivate);
    const secret = rotateSecret ? newSecret('whsec') : undefined;
    const c = await this.p.channels.update(id, { ...patch, ...(secret ? { secret } : {}) });
    if (c === 'name-taken') throw conflict(`name: a channel named ${patch.name} already exists`, { field: 'name' });
    if (!c) throw notFound('channel', id);
    req.log.info({ channel: c.name, fields: Object.keys(patch), rotated: !!secret }, 'channel updated');
    return secret ? { ...c, secret } : c;
  }

  /** Its pending deliveries fail ("deleted") when the deliverer reaches them; its log stays readable by id. */
  async delete(req: RequestContext, id: string): Promise<{ deleted: true }> {
    const c = await this.get(id);
    await this.p.channels.remove(c.id);
    req.log.info({ channel: c.name }, 'channel deleted');
    return { deleted: true };
  }

  /** Sends a signed sample notification now, from this server, and answers how it went (it is in the log too). */
  async test(req: RequestContext, id: string) {
    const c = await this.get(id);
    const body = renderNotification(c.type, testNotification(c, this.p.clock.now(), this.p.publicUrl()));
    const { id: deliveryId, attempt } = await this.p.queue.sendNow({
      targetKind: 'channel',
      targetId: c.id,
      subject: `${c.id}/test`,
      dedupeKey: `test:${randomBytes(8).toString('hex')}`,
      eventName: 'channel:test',
      eventPosition: null,
      body,
    });
    const r = attempt.response;
    req.log.info({ channel: c.name, delivery: deliveryId, status: r.status }, 'channel test sent');
    return {
      deliveryId,
      delivered: attempt.status === 'delivered',
      responseStatus: r.status,
      latencyMs: r.latencyMs,
      responseExcerpt: r.body ? r.body.slice(0, 1024) : null,
      error: r.error,
    };
  }

  /** The channel's delivery log, newest first. */
  async deliveries(_req: RequestContext, input: { id: string; cursor?: string | null; limit?: number }) {
    const c = await this.get(input.id);
    const page = await this.p.deliveries.list(c.id, { cursor: input.cursor, limit: input.limit ?? 50 });
    return { items: page.items.map(logEntry), nextCursor: page.nextCursor };
  }
}
