import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { rows } from '@/server/adapters/store/rows';
import type { Runtime } from '@/server/runtime';

/**
 * Alerts written the way the alert engine writes them: the `alerts` row first, then its timeline
 * step in `alert_transitions`, whose trigger puts the `alert:*` event in the log. For tests of
 * what reads those events (notifications, hooks) without running the engine.
 */
export interface TestAlert {
  id: string;
  fingerprint: string;
  groupKey: string;
}

const ENGINE = JSON.stringify({ kind: 'system', id: 'alert-engine', name: 'alert engine' });

export async function insertRule(rt: Runtime, r: { id: string; name: string; groupBy?: string[]; severity?: string }) {
  await rt.database.db.execute(
    sql`insert into alert_rules (id, name, metric, filters, comparison, threshold, for_ms, severity, labels, summary, group_by, params)
        values (${r.id}, ${r.name}, 'queue_depth', '[]'::jsonb, '>', 10, 0, ${r.severity ?? 'warning'}, '{}'::jsonb,
          'queue too deep', ${JSON.stringify(r.groupBy ?? [])}::jsonb, '{}'::jsonb)
        on conflict (id) do nothing`,
  );
}

/** A new alert, firing now (its `alert:firing` event written with it). */
export async function fireAlert(
  rt: Runtime,
  a: {
    rule: string;
    ruleId?: string;
    groupKey: string;
    labels?: Record<string, string>;
    severity?: string;
    summary?: string;
    silencedBy?: string | null;
  },
): Promise<TestAlert> {
  const id = `alr_${randomBytes(6).toString('hex')}`;
  // The evaluator resolves an alert whose rule is gone at once; with its rule it waits out the resolve delay.
  await insertRule(rt, { id: a.ruleId ?? `rule_${a.rule}`, name: a.rule });
  const fingerprint = randomBytes(8).toString('hex');
  await rt.database.db.execute(
    sql`insert into alerts (id, fingerprint, rule_id, rule_name, state, severity, labels, summary, group_key,
          starts_at, firing_at, silenced_by, last_evaluated_at)
        values (${id}, ${fingerprint}, ${a.ruleId ?? `rule_${a.rule}`}, ${a.rule}, 'firing', ${a.severity ?? 'warning'},
          ${JSON.stringify(a.labels ?? {})}::jsonb, ${a.summary ?? `${a.rule} fires`}, ${a.groupKey},
          now() - interval '1 minute', now(), ${a.silencedBy ?? null}, now())`,
  );
  await step(rt, id, 'firing', 'pending', 'firing');
  return { id, fingerprint, groupKey: a.groupKey };
}

/** A later step of its timeline: acknowledged or resolved (the state changes), silenced or unsilenced. */
export async function alertStep(
  rt: Runtime,
  id: string,
  kind: 'acknowledged' | 'resolved' | 'silenced' | 'unsilenced',
) {
  const db = rt.database.db;
  const [{ state }] = await rows<{ state: string }>(db, sql`select state from alerts where id = ${id}`);
  if (kind === 'acknowledged')
    await db.execute(sql`update alerts set state = 'acknowledged', acknowledged_at = now() where id = ${id}`);
  if (kind === 'resolved')
    await db.execute(sql`update alerts set state = 'resolved', resolved_at = now() where id = ${id}`);
  if (kind === 'silenced') await db.execute(sql`update alerts set silenced_by = 'sil_test' where id = ${id}`);
  if (kind === 'unsilenced') await db.execute(sql`update alerts set silenced_by = null where id = ${id}`);
  const to = kind === 'acknowledged' || kind === 'resolved' ? kind : state;
  await step(rt, id, kind, state, to);
}

async function step(rt: Runtime, id: string, kind: string, from: string, to: string) {
  await rt.database.db.execute(
    sql`insert into alert_transitions (alert_id, kind, from_state, to_state, actor, reason)
        values (${id}, ${kind}, ${from}, ${to}, ${ENGINE}::jsonb, ${`test: ${kind}`})`,
  );
}

/** The newest event position: a consumer at or past it has handled everything written so far. */
export async function logHead(rt: Runtime): Promise<number> {
  return rt.store.events.head();
}

/** Where the notifications consumer stands in the log. */
export async function notificationsCursor(rt: Runtime): Promise<number> {
  const c = (await rt.store.events.consumers()).find((x) => x.name === 'notifications');
  return c?.position ?? 0;
}

/** Pretends the group's last notification went out `ms` earlier (its repeat interval passes without waiting). */
export async function backdateGroup(rt: Runtime, channelId: string, groupKey: string, ms: number) {
  await rt.database.db.execute(
    sql`update notification_groups set last_sent_at = last_sent_at - ${ms} * interval '1 millisecond'
        where channel_id = ${channelId} and group_key = ${groupKey}`,
  );
}
