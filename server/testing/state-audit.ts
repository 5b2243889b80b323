import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import type { AnyBusEvent } from '@/server/core/events';

/**
 * A test-only ground truth for the event log: triggers of our own, independent of migration
 * 0011's, record every task and agent row that is inserted or changes state, in an audit table
 * with its own sequence. Per row a state change is serialised by the row lock, so the audit
 * order of one entity is the order its changes committed in.
 */
const AUDIT_DDL = [
  `create table state_audit (
    seq bigserial primary key, kind text not null, id text not null, old_status text, new_status text not null,
    token_changed boolean not null, priority_changed boolean not null)`,
  `create function state_audit_task() returns trigger language plpgsql as $$
  begin
    if tg_op = 'INSERT' or new.status is distinct from old.status or new.priority is distinct from old.priority then
      insert into state_audit (kind, id, old_status, new_status, token_changed, priority_changed)
      values ('task', new.id, case when tg_op = 'UPDATE' then old.status end, new.status, false,
        tg_op = 'UPDATE' and new.priority is distinct from old.priority);
    end if;
    return null;
  end $$`,
  `create function state_audit_agent() returns trigger language plpgsql as $$
  begin
    if tg_op = 'INSERT' or new.status is distinct from old.status or new.token_hash is distinct from old.token_hash then
      insert into state_audit (kind, id, old_status, new_status, token_changed, priority_changed)
      values ('agent', new.id, case when tg_op = 'UPDATE' then old.status end, new.status,
        tg_op = 'UPDATE' and new.token_hash is distinct from old.token_hash, false);
    end if;
    return null;
  end $$`,
  // No column list and no WHEN: every insert and update is looked at, however it was written.
  `create trigger state_audit_task after insert or update on tasks for each row execute function state_audit_task()`,
  `create trigger state_audit_agent after insert or update on agents for each row execute function state_audit_agent()`,
];

export async function installStateAudit(db: Db): Promise<void> {
  for (const statement of AUDIT_DDL) await db.execute(sql.raw(statement));
}

/** One state change of one task or agent, as the audit saw it or as an event tells it. */
export interface StateChange {
  /** `task:<id>` or `agent:<id>`. */
  entity: string;
  /** What changed, comparable between the two sides: `→ running`, `→ starting (registered again)`, `priority`. */
  change: string;
  /** The state before, when the event says it (the audit always knows it; null for an insert). */
  from?: string | null;
}

type AuditRow = {
  kind: string;
  id: string;
  old_status: string | null;
  new_status: string;
  token_changed: boolean;
  priority_changed: boolean;
};

/** Where the log and the audit stand now: read what comes after with `readLogAndAudit`. */
export async function logAndAuditHead(db: Db): Promise<{ position: number; seq: number }> {
  const r = await db.execute(
    sql`select (select coalesce(max(position), 0) from events) as position, (select coalesce(max(seq), 0) from state_audit) as seq`,
  );
  const [head] = (r as unknown as { rows: { position: string | number; seq: string | number }[] }).rows;
  return { position: Number(head.position), seq: Number(head.seq) };
}

/**
 * The events and the audited changes after `since`, read in one statement (one snapshot): an event
 * and its change commit together, so neither side can hold a change the other has not seen yet.
 */
export async function readLogAndAudit(
  db: Db,
  since: { position: number; seq: number },
): Promise<{ events: AnyBusEvent[]; audit: StateChange[] }> {
  const r = await db.execute(sql`
    select
      (select coalesce(json_agg(json_build_object('id', position::text, 'name', name, 'payload', payload, 'at', 0)
        order by position), '[]') from events where position > ${since.position}) as events,
      (select coalesce(json_agg(a order by seq), '[]') from state_audit a where seq > ${since.seq}) as audit`);
  const [found] = (r as unknown as { rows: { events: AnyBusEvent[]; audit: AuditRow[] }[] }).rows;
  return {
    events: found.events,
    audit: found.audit.map((a) => ({
      entity: `${a.kind}:${a.id}`,
      change:
        a.priority_changed && a.old_status === a.new_status
          ? 'priority'
          : `→ ${a.new_status}${a.token_changed ? ' (registered again)' : ''}`,
      from: a.old_status,
    })),
  };
}

/** The state change an event reports, or null for an event that is not a task's or an agent's. */
export function stateChangeOf(e: AnyBusEvent): StateChange | null {
  const p = e.payload as Record<string, unknown>;
  const task = `task:${String(p.taskId ?? (p.taskIds as string[] | undefined)?.[0])}`;
  const to = (status: unknown, from?: unknown): StateChange => ({
    entity: task,
    change: `→ ${String(status)}`,
    ...(from !== undefined ? { from: from as string | null } : {}),
  });
  switch (e.name) {
    case 'task:submitted':
      return to(e.payload.status, null);
    case 'task:assigned':
      return to('assigned');
    case 'task:started':
      return to('running');
    case 'task:completed':
      return to(e.payload.status);
    case 'task:cancelled':
      return to('cancelled', e.payload.previous);
    case 'task:dead-lettered':
      return to('dead-lettered');
    case 'task:retrying':
      return to('retry-wait');
    case 'task:requeued':
      return to('queued');
    case 'task:released':
      return to('queued', e.payload.previous);
    case 'task:changed':
      return to(e.payload.status, e.payload.previous);
    case 'task:reprioritised':
      return { entity: task, change: 'priority' };
    case 'agent:registered':
      return {
        entity: `agent:${e.payload.agentId}`,
        change: `→ ${e.payload.status}${e.payload.reregistered ? ' (registered again)' : ''}`,
        from: e.payload.previous ?? null,
      };
    case 'agent:changed':
      return { entity: `agent:${e.payload.agentId}`, change: `→ ${e.payload.status}`, from: e.payload.previous };
    case 'agent:deregistered':
      return { entity: `agent:${e.payload.agentId}`, change: '→ terminated', from: e.payload.previous };
    default:
      return null;
  }
}

/** Changes grouped by entity, each entity's in the order given. */
export function byEntity(changes: StateChange[]): Map<string, StateChange[]> {
  const out = new Map<string, StateChange[]>();
  for (const c of changes) out.set(c.entity, [...(out.get(c.entity) ?? []), c]);
  return out;
}
