import { and, asc, desc, eq, getTableColumns, gt, inArray, isNull, lte, ne, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { alerts, alertTransitions, silences } from '@/db/schema';
import {
  ALERT_SAMPLES_KEPT,
  type Alert,
  type AlertChange,
  type AlertState,
  type Severity,
  type Silence,
} from '@/server/core/alerts/alert-model';
import type { AlertStore } from '@/server/core/alerts/ports';
import { createAlertReadings } from './alert-readings';
import { createAlertRuleStore } from './alert-rule-store';
import { rows } from './rows';

type AlertRow = typeof alerts.$inferSelect;
const ms = (d: Date | null) => (d ? d.getTime() : null);
const date = (n: number | null) => (n == null ? null : new Date(n));

const toAlert = (r: AlertRow): Alert => ({
  ...r,
  state: r.state as AlertState,
  severity: r.severity as Severity,
  acknowledgedBy: r.acknowledgedBy ?? null,
  startsAt: r.startsAt.getTime(),
  firingAt: ms(r.firingAt),
  acknowledgedAt: ms(r.acknowledgedAt),
  resolvedAt: ms(r.resolvedAt),
  clearSince: ms(r.clearSince),
  lastEvaluatedAt: r.lastEvaluatedAt.getTime(),
  samples: r.samples ?? [],
});

const toRow = (a: Alert) => ({
  ...a,
  startsAt: new Date(a.startsAt),
  firingAt: date(a.firingAt),
  acknowledgedAt: date(a.acknowledgedAt),
  resolvedAt: date(a.resolvedAt),
  clearSince: date(a.clearSince),
  lastEvaluatedAt: new Date(a.lastEvaluatedAt),
  updatedAt: new Date(),
});

const toSilence = (r: typeof silences.$inferSelect): Silence => ({
  ...r,
  startsAt: r.startsAt.getTime(),
  endsAt: r.endsAt.getTime(),
  createdAt: r.createdAt.getTime(),
  expiredBy: r.expiredBy ?? null,
});

/** Firing first (it needs someone), then acknowledged, pending, resolved; critical before warning before info. */
const STATE_ORDER = sql`case ${alerts.state} when 'firing' then 0 when 'acknowledged' then 1 when 'pending' then 2 else 3 end`;
const SEVERITY_ORDER = sql`case ${alerts.severity} when 'critical' then 0 when 'warning' then 1 else 2 end`;

const nullable = (column: typeof alerts.silencedBy | typeof alerts.assignee, v: string | null) =>
  v === null ? isNull(column) : eq(column, v);

/** Alerts, their timelines and silences over drizzle (PGlite and PostgreSQL alike). */
export function createAlertStore(db: Db): AlertStore {
  return {
    ...createAlertRuleStore(db),
    readings: createAlertReadings(db),

    // Without their samples: the engine only appends, and a storm of open alerts would drag them all in every pass.
    async openAlerts() {
      const { samples: _samples, ...columns } = getTableColumns(alerts);
      const found = await db.select(columns).from(alerts).where(ne(alerts.state, 'resolved'));
      return found.map((r) => toAlert({ ...r, samples: [] }));
    },
    async getAlert(id) {
      const [r] = await db.select().from(alerts).where(eq(alerts.id, id));
      return r ? toAlert(r) : null;
    },
    async listAlerts(q) {
      const where = and(
        q.states.length ? inArray(alerts.state, q.states) : undefined,
        q.severity ? eq(alerts.severity, q.severity) : undefined,
      );
      const found = await db
        .select()
        .from(alerts)
        .where(where)
        .orderBy(STATE_ORDER, SEVERITY_ORDER, desc(alerts.startsAt), asc(alerts.id))
        .limit(q.limit)
        .offset(q.offset);
      return found.map(toAlert);
    },
    async countOpen() {
      const found = await rows<{ state: AlertState; severity: Severity; muted: boolean; count: string }>(
        db,
        sql`select state, severity, (silenced_by is not null or inhibited_by is not null) as muted, count(*) as count
            from alerts where state <> 'resolved' group by 1, 2, 3`,
      );
      return found.map((r) => ({ ...r, muted: !!r.muted, count: Number(r.count) }));
    },
    async timeline(alertId) {
      const found = await db
        .select()
        .from(alertTransitions)
        .where(eq(alertTransitions.alertId, alertId))
        .orderBy(asc(alertTransitions.id));
      return found.map((t) => ({
        id: t.id,
        alertId: t.alertId,
        at: t.at.getTime(),
        kind: t.kind,
        from: t.fromState as AlertState | null,
        to: t.toState as AlertState,
        actor: t.actor,
        reason: t.reason,
        note: t.note,
      }));
    },
    async apply(changes) {
      if (!changes.length) return [];
      return db.transaction(async (tx) => {
        const written: string[] = [];
        for (const c of changes) {
          if (!(await writeAlert(tx as unknown as Db, c))) continue;
          written.push(c.alert.id);
          if (!c.steps.length) continue;
          await tx.insert(alertTransitions).values(
            c.steps.map((s) => ({
              alertId: c.alert.id,
              kind: s.kind,
              fromState: s.from,
              toState: s.to,
              actor: s.actor,
              reason: s.reason,
              note: s.note ?? null,
            })),
          );
        }
        return written;
      });
    },
    async queuedTaskIds(capability, limit) {
      const found = await rows<{ id: string }>(
        db,
        sql`select id from tasks where status = 'queued' and capabilities ? ${capability}
            order by queued_at, seq limit ${limit}`,
      );
      return found.map((r) => r.id);
    },

    async createSilence(s) {
      const [r] = await db
        .insert(silences)
        .values({ ...s, startsAt: new Date(s.startsAt), endsAt: new Date(s.endsAt), createdAt: new Date(s.createdAt) })
        .returning();
      return toSilence(r);
    },
    async listSilences({ includeExpired, at }) {
      const now = new Date(at);
      const found = await db
        .select()
        .from(silences)
        .where(includeExpired ? undefined : and(lte(silences.startsAt, now), gt(silences.endsAt, now)))
        .orderBy(desc(silences.createdAt))
        .limit(500);
      return found.map(toSilence);
    },
    async getSilence(id) {
      const [r] = await db.select().from(silences).where(eq(silences.id, id));
      return r ? toSilence(r) : null;
    },
    async expireSilence(id, by, at) {
      const [r] = await db
        .update(silences)
        .set({ endsAt: sql`least(${silences.endsAt}, ${new Date(at)})`, expiredBy: by })
        .where(eq(silences.id, id))
        .returning();
      return r ? toSilence(r) : null;
    },
  };
}

/** Inserts (skipped if an open alert has that fingerprint) or updates while the row is as read. */
async function writeAlert(db: Db, c: AlertChange): Promise<boolean> {
  const { samples: _samples, ...row } = toRow(c.alert);
  if (c.insert) {
    const values = { ...row, samples: c.sample ? [c.sample] : [] };
    const done = await db.insert(alerts).values(values).onConflictDoNothing().returning({ id: alerts.id });
    return done.length > 0;
  }
  const { id: _id, fingerprint: _f, ruleId: _r, startsAt: _s, ...fields } = row;
  const set = c.sample ? { ...fields, samples: appendSample(c.sample) } : fields;
  const e = c.expect;
  const guard = e
    ? and(eq(alerts.state, e.state), nullable(alerts.silencedBy, e.silencedBy), nullable(alerts.assignee, e.assignee))
    : undefined;
  const done = await db
    .update(alerts)
    .set(set)
    .where(and(eq(alerts.id, c.alert.id), guard))
    .returning({ id: alerts.id });
  return done.length > 0;
}

/** The samples with one more at the end, the oldest dropped beyond ALERT_SAMPLES_KEPT. */
function appendSample(sample: { at: number; value: number }) {
  return sql`(select coalesce(jsonb_agg(e order by n), '[]'::jsonb)
    from jsonb_array_elements(${alerts.samples} || ${JSON.stringify([sample])}::jsonb) with ordinality as t(e, n)
    where n > jsonb_array_length(${alerts.samples}) + 1 - ${ALERT_SAMPLES_KEPT})`;
}
