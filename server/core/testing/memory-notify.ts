import type { Delivery, DeliveryStore, NewDelivery } from '../deliveries/ports';
import type { Channel, ChannelStore, GroupAlert, NotificationGroup, NotificationStore } from '../notify/ports';
import type { FakeClock } from './fakes';

/** The delivery queue in memory, with the adapter's rules: dedupe per target, oldest pending per subject. */
export class MemoryDeliveryStore implements DeliveryStore {
  rows: Delivery[] = [];
  private seq = 0;
  constructor(private readonly clock: FakeClock) {}

  async enqueue(list: NewDelivery[]) {
    const ids: string[] = [];
    for (const d of list) {
      if (
        this.rows.some((r) => r.targetKind === d.targetKind && r.targetId === d.targetId && r.dedupeKey === d.dedupeKey)
      )
        continue;
      const id = `dlv_${String(++this.seq).padStart(6, '0')}`;
      this.rows.push({
        ...d,
        replayOf: d.replayOf ?? null,
        id,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: d.nextAttemptAt ?? this.clock.now(),
        lastAttemptAt: null,
        responseStatus: null,
        latencyMs: null,
        responseExcerpt: null,
        error: null,
        createdAt: this.clock.now(),
      });
      ids.push(id);
    }
    return ids;
  }

  async due(limit: number) {
    const now = this.clock.now();
    const seen = new Set<string>();
    const heads: Delivery[] = [];
    for (const r of this.rows.filter((r) => r.status === 'pending')) {
      const key = `${r.targetKind}/${r.targetId}/${r.subject}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (r.nextAttemptAt <= now) heads.push(r);
    }
    return heads.sort((a, b) => a.nextAttemptAt - b.nextAttemptAt).slice(0, limit);
  }

  async recordAttempt(id: string, a: Parameters<DeliveryStore['recordAttempt']>[1]) {
    const r = this.rows.find((x) => x.id === id && x.status === 'pending');
    if (!r) return;
    Object.assign(r, {
      status: a.status,
      attempts: r.attempts + 1,
      nextAttemptAt: a.nextAttemptAt,
      lastAttemptAt: a.at,
      responseStatus: a.response.status,
      latencyMs: a.response.latencyMs,
      responseExcerpt: a.response.body.slice(0, 1024) || null,
      error: a.response.error,
    });
  }

  async get(id: string) {
    return this.rows.find((r) => r.id === id) ?? null;
  }

  async list(targetId: string) {
    return { items: this.rows.filter((r) => r.targetId === targetId).reverse(), nextCursor: null };
  }
}

/** Channels, alerts and notification groups in memory (alerts written by the test, as the engine would). */
export class MemoryNotifyStores {
  channelRows: Channel[] = [];
  alerts: GroupAlert[] = [];
  groups = new Map<string, NotificationGroup>();
  constructor(private readonly deliveries: MemoryDeliveryStore) {}

  readonly channels: ChannelStore = {
    create: async (c) => {
      const { secret: _s, ...rest } = c;
      const ch: Channel = { ...rest, createdAt: 0, updatedAt: 0 };
      this.channelRows.push(ch);
      return ch;
    },
    update: async () => null,
    remove: async () => false,
    get: async (id) => this.channelRows.find((c) => c.id === id) ?? null,
    secretOf: async () => 'whsec_test',
    list: async () => [...this.channelRows],
  };

  readonly notifications: NotificationStore = {
    openAlerts: async (g) =>
      this.alerts.filter((a) => a.state === 'firing' || a.state === 'acknowledged').filter((a) => groupOf(a) === g),
    latestAlerts: async (g, fps) => this.alerts.filter((a) => groupOf(a) === g && fps.includes(a.fingerprint)),
    groupBy: async () => [],
    group: async (c, g) => {
      const row = this.groups.get(`${c}|${g}`);
      return row ? { ...row } : null;
    },
    dueRepeats: async () => [...this.groups.values()].filter((g) => !g.resolved).map((g) => ({ ...g })),
    record: async (prev, next, delivery) => {
      const key = `${next.channelId}|${next.groupKey}`;
      const cur = this.groups.get(key) ?? null;
      const same = prev === null ? cur === null : cur?.lastSentAt === prev.lastSentAt && cur.resolved === prev.resolved;
      if (!same) return false;
      this.groups.set(key, { ...next });
      if (delivery) await this.deliveries.enqueue([delivery]);
      return true;
    },
  };
}

/** Tests put an alert's group in its labels (`group`), as the engine's groupKey would. */
const groupOf = (a: GroupAlert) => a.labels.group ?? '';
