import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import type { ActorRef } from '@/server/core/access/actor';
import type { FailMode, Hook, HookKind, HookStore, SigningHook } from '@/server/core/hooks/ports';
import { priorityRank } from '@/server/core/model';
import { fromJson, ms, rows } from './rows';

const toHook = (r: Record<string, unknown>): Hook => ({
  id: r.id as string,
  name: r.name as string,
  kind: r.kind as HookKind,
  url: r.url as string,
  patterns: fromJson<string[]>(r.patterns) ?? [],
  timeoutMs: Number(r.timeout_ms),
  failMode: r.fail_mode as FailMode,
  enabled: r.enabled as boolean,
  createdBy: (r.created_by ?? null) as ActorRef | null,
  createdAt: ms(r.created_at) ?? 0,
});

// Lists never read the secret column, so no answer can carry it by mistake.
const PUBLIC = sql`id, name, kind, url, patterns, timeout_ms, fail_mode, enabled, created_by, created_at`;

/** Hooks (table `hooks`), and the holds and amends a pre-assignment hook's answer writes on tasks. */
export function createHookStore(db: Db): HookStore {
  return {
    async create(h) {
      const [r] = await rows(
        db,
        sql`insert into hooks (id, name, kind, url, secret, patterns, timeout_ms, fail_mode, enabled, created_by)
        values (${h.id}, ${h.name}, ${h.kind}, ${h.url}, ${h.secret}, ${JSON.stringify(h.patterns)}::jsonb, ${h.timeoutMs},
          ${h.failMode}, ${h.enabled}, ${h.createdBy ? JSON.stringify(h.createdBy) : null}::jsonb)
        on conflict (name) do nothing returning ${PUBLIC}`,
      );
      return r ? toHook(r) : null;
    },
    async list(kind) {
      const where = kind ? sql`where kind = ${kind}` : sql``;
      return (await rows(db, sql`select ${PUBLIC} from hooks ${where} order by created_at, id`)).map(toHook);
    },
    async get(id) {
      const [r] = await rows(db, sql`select ${PUBLIC} from hooks where id = ${id}`);
      return r ? toHook(r) : null;
    },
    async delete(id) {
      return (await rows(db, sql`delete from hooks where id = ${id} returning id`)).length > 0;
    },
    async enabled(kind) {
      const found = await rows(db, sql`select * from hooks where kind = ${kind} and enabled order by created_at, id`);
      return found.map((r): SigningHook => ({ ...toHook(r), secret: r.secret as string }));
    },
    async target(id) {
      const [r] = await rows(db, sql`select url, secret, enabled, timeout_ms from hooks where id = ${id}`);
      if (!r) return null;
      return {
        url: r.url as string,
        secret: r.secret as string,
        enabled: r.enabled as boolean,
        timeoutMs: Number(r.timeout_ms),
      };
    },
    async hold(taskId, reason, { baseMs, maxMs }) {
      // Database time: every replica reads the same end of the hold.
      const [r] = await rows<{ until: Date | string }>(
        db,
        sql`update tasks set hook_holds = hook_holds + 1, hook_hold_reason = ${reason},
          hook_hold_until = now() + least(${baseMs}::float8 * power(2, least(hook_holds, 30)), ${maxMs}::float8) * interval '1 millisecond'
        where id = ${taskId} and status = 'queued' returning hook_hold_until as until`,
      );
      return r ? ms(r.until) : null;
    },
    async amend(taskId, amend) {
      const labels = amend.labels ? sql`labels = labels || ${JSON.stringify(amend.labels)}::jsonb,` : sql``;
      const priority = amend.priority === undefined ? sql`priority` : sql`${priorityRank(amend.priority)}::smallint`;
      const found = await rows(
        db,
        sql`update tasks set ${labels} priority = ${priority} where id = ${taskId} and status = 'queued' returning id`,
      );
      return found.length > 0;
    },
  };
}
