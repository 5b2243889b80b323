import { randomUUID } from 'node:crypto';
import { actorRef } from '../access/actor';
import type { RequestContext } from '../access/request-context';
import { checkWebhookUrl } from '../deliveries/address-policy';
import type { Delivery, DeliveryStore } from '../deliveries/ports';
import { conflict, invalid, notFound, unavailable } from '../errors';
import type { Clock } from '../ports';
import { newId, newSecret } from '../shared/ids';
import { HOOK_EVENTS } from './catalogue';
import { CreateHookInput, defaultTimeout, HookDeliveriesInput } from './hook-input';
import { validatePatterns } from './patterns';
import type { Hook, HookStore } from './ports';

export interface HookServiceParts {
  /** The delivery queue (null: not configured here, so no delivery log). */
  deliveries: DeliveryStore | null;
  /** Deliveries were queued: send soon. */
  kick: () => void;
  /** Hook URLs may be loopback, link-local or private addresses (FLIGHTDECK_ALLOW_PRIVATE_WEBHOOKS). */
  allowPrivate: boolean;
  /** Hooks changed on this replica: caches read them again. */
  onChange: () => void;
}

/** Webhook subscriptions and pre-assignment hooks: create (secret shown once), list, delete, their delivery log. */
export class HookService {
  constructor(
    private readonly hooks: HookStore,
    private readonly clock: Clock,
    private readonly parts: HookServiceParts,
  ) {}

  /** The events hooks can subscribe to, with an example body each (`hooks.catalogue`). */
  catalogue(_req: RequestContext) {
    return HOOK_EVENTS.map((s) => ({
      name: s.name,
      description: s.description,
      source: s.from,
      example: { id: '4812', event: s.name, at: '2026-01-05T10:00:00.000Z', ...s.example },
    }));
  }

  list(_req: RequestContext): Promise<Hook[]> {
    return this.hooks.list();
  }

  /** Answers the secret this once; lists never show it. */
  async create(req: RequestContext, raw: CreateHookInput): Promise<{ hook: Hook; secret: string }> {
    const input = CreateHookInput.parse(raw);
    let patterns: string[] = [];
    if (input.kind === 'event') patterns = validatePatterns(input.patterns);
    else if (input.patterns.length)
      throw invalid('patterns: a pre-assignment hook takes no patterns', { field: 'patterns' });
    const secret = newSecret('whsec');
    const hook = await this.hooks.create({
      id: newId('hook', this.clock.now()),
      name: input.name,
      kind: input.kind,
      url: checkWebhookUrl(input.url, this.parts.allowPrivate),
      patterns,
      timeoutMs: input.timeoutMs ?? defaultTimeout(input.kind),
      failMode: input.failMode,
      enabled: input.enabled,
      createdBy: actorRef(req.actor),
      secret,
    });
    if (!hook) throw conflict(`a hook named ${input.name} already exists`, { field: 'name' });
    // The URL may carry a token in its query: log the host only.
    req.log.info({ hook: hook.name, kind: hook.kind, host: new URL(hook.url).host }, 'hook created');
    this.parts.onChange();
    return { hook, secret };
  }

  async delete(req: RequestContext, id: string): Promise<{ id: string }> {
    if (!(await this.hooks.delete(id))) throw notFound('hook', id);
    req.log.info({ hookId: id }, 'hook deleted');
    this.parts.onChange();
    return { id };
  }

  /** A hook's delivery log, newest first. */
  async deliveries(_req: RequestContext, raw: HookDeliveriesInput) {
    const input = HookDeliveriesInput.parse(raw);
    if (!(await this.hooks.get(input.id))) throw notFound('hook', input.id);
    return this.queue().list(input.id, { cursor: input.cursor ?? null, limit: input.limit });
  }

  /** Sends a delivery's body again as a new delivery (its own id, `replayOf` the original). */
  async redeliver(req: RequestContext, deliveryId: string): Promise<Delivery> {
    const queue = this.queue();
    const original = await queue.get(deliveryId);
    if (!original || original.targetKind !== 'hook') throw notFound('hook delivery', deliveryId);
    if (!(await this.hooks.get(original.targetId))) throw notFound('hook', original.targetId);
    const [id] = await queue.enqueue([
      {
        targetKind: 'hook',
        targetId: original.targetId,
        subject: original.subject,
        dedupeKey: `replay:${randomUUID()}`,
        eventName: original.eventName,
        eventPosition: original.eventPosition,
        body: original.body,
        replayOf: original.id,
      },
    ]);
    const copy = id ? await queue.get(id) : null;
    if (!copy) throw unavailable('the replay was not queued; try again');
    this.parts.kick();
    req.log.info({ deliveryId, replay: copy.id }, 'hook delivery replayed');
    return copy;
  }

  private queue(): DeliveryStore {
    if (!this.parts.deliveries) throw unavailable('hook deliveries are not configured on this server');
    return this.parts.deliveries;
  }
}
