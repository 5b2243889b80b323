import type { AlertEventPayload, AnyBusEvent } from '../events';
import type { Clock, Logger } from '../ports';
import { routes } from './channel-routing';
import { renderNotification } from './formats/render';
import type { Notification, NotificationReason } from './notification';
import type { Channel, ChannelStore, GroupAlert, NotificationGroup, NotificationStore } from './ports';

/** Groups looked at per repeat pass. */
const REPEAT_BATCH = 200;
/** Another writer moved the group between our read and our write this often in a row: try the event again later. */
const MAX_TRIES = 3;

interface Plan {
  status: 'firing' | 'resolved';
  reason: NotificationReason;
  alerts: GroupAlert[];
  /** Named after the group's state it follows from, so a replayed event or a repeated pass writes nothing twice. */
  dedupeKey: string;
}

export interface PlannerParts {
  channels: ChannelStore;
  notifications: NotificationStore;
  clock: Clock;
  log: Logger;
  publicUrl: () => string;
  /** Deliveries were written: send them soon. */
  delivered: () => void;
}

/**
 * Decides what each channel is told about each alert group: once when the group starts firing
 * (alerts neither silenced nor inhibited), again once per repeat interval while alerts in it still
 * fire unacknowledged (those that joined since included), and once when none of it is open any more.
 */
export class NotificationPlanner {
  private pass: { channels: Promise<Channel[]> | null } | null = null;

  constructor(private readonly p: PlannerParts) {}

  /** Until `endPass`, the channels are read once, not once per alert event (a storm is thousands). */
  beginPass(): void {
    this.pass = { channels: null };
  }

  endPass(): void {
    this.pass = null;
  }

  private channels(): Promise<Channel[]> {
    if (!this.pass) return this.p.channels.list();
    return (this.pass.channels ??= this.p.channels.list());
  }

  /** An alert's timeline moved: every channel that routes it looks at its group again. */
  async onEvent(e: AnyBusEvent): Promise<void> {
    if (!e.name.startsWith('alert:')) return;
    const a = e.payload as AlertEventPayload;
    const channels = (await this.channels()).filter((c) =>
      routes(c, { severity: a.severity, labels: a.labels, rule: a.rule }),
    );
    for (const c of channels) await this.evaluate(c, a.groupKey, Number(e.id));
  }

  /** Groups whose repeat interval has passed are sent again (if anything in them still fires). */
  async repeats(): Promise<void> {
    const due = await this.p.notifications.dueRepeats(this.p.clock.now(), REPEAT_BATCH);
    const channels = new Map((await this.channels()).map((c) => [c.id, c]));
    for (const g of due) {
      const c = channels.get(g.channelId);
      if (c) await this.evaluate(c, g.groupKey, null);
    }
  }

  private async evaluate(c: Channel, groupKey: string, position: number | null): Promise<void> {
    for (let i = 0; i < MAX_TRIES; i++) if (await this.tryOnce(c, groupKey, position)) return;
    throw new Error(`notification group ${groupKey} of channel ${c.name} kept changing; it is looked at again`);
  }

  private async tryOnce(c: Channel, groupKey: string, position: number | null): Promise<boolean> {
    const now = this.p.clock.now();
    const [row, open] = await Promise.all([
      this.p.notifications.group(c.id, groupKey),
      this.p.notifications.openAlerts(groupKey),
    ]);
    const routed = open.filter((a) => routes(c, a));
    const plan = await this.plan(c, groupKey, row, routed, position === null, now);
    if (!plan) return true;
    const next: NotificationGroup = {
      channelId: c.id,
      groupKey,
      lastFingerprints:
        plan.status === 'resolved' ? (row?.lastFingerprints ?? []) : plan.alerts.map((a) => a.fingerprint),
      lastSentAt: now,
      resolved: plan.status === 'resolved',
    };
    const body = plan.alerts.length ? await this.render(c, groupKey, plan) : null;
    const delivery =
      body === null
        ? null
        : {
            targetKind: 'channel' as const,
            targetId: c.id,
            subject: `${c.id}/${groupKey}`,
            dedupeKey: plan.dedupeKey,
            eventName: `alert:${plan.status}`,
            eventPosition: position,
            body,
          };
    if (!(await this.p.notifications.record(row, next, delivery))) return false;
    if (delivery) this.p.delivered();
    this.p.log.info({ channel: c.name, groupKey, status: plan.status, reason: plan.reason }, 'notification queued');
    return true;
  }

  private async plan(
    c: Channel,
    groupKey: string,
    row: NotificationGroup | null,
    routed: GroupAlert[],
    repeat: boolean,
    now: number,
  ): Promise<Plan | null> {
    // Acknowledged, silenced and inhibited alerts keep their group open but are not sent.
    const firing = routed.filter((a) => a.state === 'firing' && !a.silenced && !a.inhibited);
    if (!row || row.resolved) {
      if (!firing.length) return null;
      const key = `firing:${groupKey}:${row?.lastSentAt ?? 0}`;
      return { status: 'firing', reason: 'first notification', alerts: firing, dedupeKey: key };
    }
    if (!routed.length) {
      const last = await this.p.notifications.latestAlerts(groupKey, row.lastFingerprints);
      const resolved = last.filter((a) => a.state === 'resolved');
      return {
        status: 'resolved',
        reason: 'all alerts resolved',
        alerts: resolved,
        dedupeKey: `resolved:${groupKey}:${row.lastSentAt}`,
      };
    }
    if (repeat && firing.length && row.lastSentAt + c.repeatIntervalMs <= now)
      return {
        status: 'firing',
        reason: 'repeat interval elapsed',
        alerts: firing,
        dedupeKey: `repeat:${groupKey}:${row.lastSentAt}`,
      };
    return null;
  }

  private async render(c: Channel, groupKey: string, plan: Plan): Promise<string> {
    const n: Notification = {
      status: plan.status,
      reason: plan.reason,
      groupKey,
      channel: c,
      alerts: plan.alerts,
      groupBy: await this.p.notifications.groupBy(plan.alerts[0]!.ruleId),
      publicUrl: this.p.publicUrl(),
    };
    return renderNotification(c.type, n);
  }
}
