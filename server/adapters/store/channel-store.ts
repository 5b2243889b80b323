import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import type { Channel, ChannelSettings, ChannelStore } from '@/server/core/notify/ports';
import { ms, rows } from './rows';

const COLUMNS: Record<keyof ChannelSettings | 'secret', string> = {
  name: 'name',
  type: 'type',
  url: 'url',
  severities: 'severities',
  matchers: 'matchers',
  repeatIntervalMs: 'repeat_interval_ms',
  enabled: 'enabled',
  secret: 'secret',
};
const JSON_COLUMNS = new Set(['severities', 'matchers']);
const value = (column: string, v: unknown) => (JSON_COLUMNS.has(column) ? sql`${JSON.stringify(v)}::jsonb` : sql`${v}`);

/** Every column but the secret: answers never carry it. */
const PUBLIC = sql.raw(
  'id, name, type, url, severities, matchers, repeat_interval_ms, enabled, created_by, created_at, updated_at',
);

const toChannel = (r: Record<string, any>): Channel => ({
  id: r.id,
  name: r.name,
  type: r.type,
  url: r.url,
  severities: r.severities ?? [],
  matchers: r.matchers ?? [],
  repeatIntervalMs: Number(r.repeat_interval_ms),
  enabled: !!r.enabled,
  createdBy: r.created_by ?? null,
  createdAt: ms(r.created_at) ?? 0,
  updatedAt: ms(r.updated_at) ?? 0,
});

const isUniqueViolation = (e: unknown): boolean => {
  for (let c = e; c; c = (c as { cause?: unknown }).cause) if ((c as { code?: string }).code === '23505') return true;
  return false;
};

/** Notification channels (`channels` table). */
export function createChannelStore(db: Db): ChannelStore {
  return {
    async create(c) {
      const [r] = await rows(
        db,
        sql`insert into channels (id, name, type, url, secret, severities, matchers, repeat_interval_ms, enabled, created_by)
            values (${c.id}, ${c.name}, ${c.type}, ${c.url}, ${c.secret}, ${JSON.stringify(c.severities)}::jsonb,
              ${JSON.stringify(c.matchers)}::jsonb, ${c.repeatIntervalMs}, ${c.enabled}, ${JSON.stringify(c.createdBy)}::jsonb)
            on conflict (name) do nothing
            returning ${PUBLIC}`,
      );
      return r ? toChannel(r) : null;
    },

    async update(id, patch) {
      const sets = (Object.entries(patch) as [keyof typeof COLUMNS, unknown][])
        .filter(([k, v]) => v !== undefined && k in COLUMNS)
        .map(([k, v]) => sql`${sql.raw(COLUMNS[k])} = ${value(COLUMNS[k], v)}`);
      try {
        const [r] = await rows(
          db,
          sql`update channels set ${sql.join([...sets, sql`updated_at = now()`], sql`, `)}
              where id = ${id} returning ${PUBLIC}`,
        );
        return r ? toChannel(r) : null;
      } catch (e) {
        if (isUniqueViolation(e)) return 'name-taken';
        throw e;
      }
    },

    async remove(id) {
      const gone = await rows(db, sql`delete from channels where id = ${id} returning id`);
      if (gone.length) await db.execute(sql`delete from notification_groups where channel_id = ${id}`);
      return gone.length > 0;
    },

    async get(id) {
      const [r] = await rows(db, sql`select ${PUBLIC} from channels where id = ${id}`);
      return r ? toChannel(r) : null;
    },

    async secretOf(id) {
      const [r] = await rows<{ secret: string }>(db, sql`select secret from channels where id = ${id}`);
      return r?.secret ?? null;
    },

    async list() {
      return (await rows(db, sql`select ${PUBLIC} from channels order by name`)).map(toChannel);
    },
  };
}
