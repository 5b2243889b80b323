import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import type { GroupAlert, NotificationGroup, NotificationStore } from '@/server/core/notify/ports';
import { insertDeliveries } from './delivery-store';
import { ms, rows } from './rows';

const toAlert = (r: Record<string, any>): GroupAlert => ({
  id: r.id,
  fingerprint: r.fingerprint,
  rule: r.rule_name,
  ruleId: r.rule_id,
  state: r.state,
  severity: r.severity,
  labels: r.labels ?? {},
  summary: r.summary,
  startsAt: ms(r.starts_at) ?? 0,
  firingAt: ms(r.firing_at),
  resolvedAt: ms(r.resolved_at),
  silenced: r.silenced_by != null,
  inhibited: r.inhibited_by != null,
});

const toGroup = (r: Record<string, any>): NotificationGroup => ({
  channelId: r.channel_id,
  groupKey: r.group_key,
  lastFingerprints: r.last_fingerprints ?? [],
  lastSentAt: ms(r.last_sent_at) ?? 0,
  resolved: !!r.resolved,
});

/** What notifications read of alerts, and per channel and group what was last sent (`notification_groups`). */
export function createNotificationStore(db: Db): NotificationStore {
  return {
    async openAlerts(groupKey) {
      const found = await rows(
        db,
        sql`select * from alerts where group_key = ${groupKey} and state in ('firing', 'acknowledged')
            order by starts_at, id`,
      );
      return found.map(toAlert);
    },

    async latestAlerts(groupKey, fingerprints) {
      if (!fingerprints.length) return [];
      const found = await rows(
        db,
        sql`select distinct on (fingerprint) * from alerts
            where group_key = ${groupKey} and fingerprint in (${sql.join(
              fingerprints.map((f) => sql`${f}`),
              sql`, `,
            )})
            order by fingerprint, starts_at desc, id desc`,
      );
      return found.map(toAlert).sort((a, b) => a.startsAt - b.startsAt || (a.id < b.id ? -1 : 1));
    },

    async groupBy(ruleId) {
      const [r] = await rows<{ group_by: string[] }>(db, sql`select group_by from alert_rules where id = ${ruleId}`);
      return r?.group_by ?? [];
    },

    async group(channelId, groupKey) {
      const [r] = await rows(
        db,
        sql`select * from notification_groups where channel_id = ${channelId} and group_key = ${groupKey}`,
      );
      return r ? toGroup(r) : null;
    },

    async dueRepeats(now, limit) {
      const found = await rows(
        db,
        sql`select g.* from notification_groups g join channels c on c.id = g.channel_id
            where not g.resolved and c.enabled
              and g.last_sent_at + c.repeat_interval_ms * interval '1 millisecond' <= ${new Date(now)}
            order by g.last_sent_at limit ${limit}`,
      );
      return found.map(toGroup);
    },

    async record(prev, next, delivery) {
      return db.transaction(async (tx) => {
        const fps = JSON.stringify(next.lastFingerprints);
        const at = new Date(next.lastSentAt);
        // Compare-and-set on what the planner read: a concurrent writer makes this a no-op, and the planner reads again.
        const written = prev
          ? await rows(
              tx,
              sql`update notification_groups set last_fingerprints = ${fps}::jsonb, last_sent_at = ${at},
                    resolved = ${next.resolved}
                  where channel_id = ${next.channelId} and group_key = ${next.groupKey}
                    and last_sent_at = ${new Date(prev.lastSentAt)} and resolved = ${prev.resolved}
                  returning 1 as ok`,
            )
          : await rows(
              tx,
              sql`insert into notification_groups (channel_id, group_key, last_fingerprints, last_sent_at, resolved)
                  values (${next.channelId}, ${next.groupKey}, ${fps}::jsonb, ${at}, ${next.resolved})
                  on conflict (channel_id, group_key) do nothing
                  returning 1 as ok`,
            );
        if (!written.length) return false;
        if (delivery) await insertDeliveries(tx as unknown as Db, [delivery]);
        return true;
      });
    },
  };
}
