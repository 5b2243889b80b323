import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { MIGRATIONS_DIR } from '@/db/migrate';
import { rows } from '@/server/adapters/store/rows';

/** What the database catalogue says about our tables (schema `public`), read on either driver. */
export interface TableInfo {
  name: string;
  columns: string[];
}

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Every table with its stored (not generated) columns, parents before the tables that reference them. */
export async function listTables(db: Db): Promise<TableInfo[]> {
  const cols = await rows<{ table: string; column: string }>(
    db,
    sql`
    select c.relname as "table", a.attname as "column"
    from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
    order by c.relname, a.attnum`,
  );
  const fks = await rows<{ child: string; parent: string }>(
    db,
    sql`
    select ch.relname as child, pa.relname as parent
    from pg_constraint k join pg_class ch on ch.oid = k.conrelid join pg_class pa on pa.oid = k.confrelid
    join pg_namespace n on n.oid = ch.relnamespace
    where k.contype = 'f' and n.nspname = 'public'`,
  );
  const tables = new Map<string, string[]>();
  for (const c of cols) tables.set(c.table, [...(tables.get(c.table) ?? []), c.column]);
  const ordered: TableInfo[] = [];
  const visit = (name: string, path: string[]) => {
    if (ordered.some((t) => t.name === name) || path.includes(name)) return;
    for (const fk of fks) if (fk.child === name && fk.parent !== name) visit(fk.parent, [...path, name]);
    ordered.push({ name, columns: tables.get(name) ?? [] });
  };
  for (const name of [...tables.keys()].sort()) visit(name, []);
  return ordered;
}

export async function countRows(db: Db, tables: TableInfo[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const t of tables) {
    const [r] = await rows<{ n: string | number }>(db, sql.raw(`select count(*) as n from ${quoteIdent(t.name)}`));
    counts[t.name] = Number(r.n);
  }
  return counts;
}

/** The migrations applied to a database, as drizzle records them (their `when`, in order). */
export async function appliedMigrations(db: Db): Promise<number[]> {
  const [exists] = await rows<{ t: string | null }>(
    db,
    sql`select to_regclass('drizzle.__drizzle_migrations')::text as t`,
  );
  if (!exists?.t) return [];
  const applied = await rows<{ at: string }>(
    db,
    sql`select created_at::text as at from drizzle.__drizzle_migrations order by created_at`,
  );
  return applied.map((r) => Number(r.at));
}

/** The migrations this version of Flightdeck ships (db/migrations), by their `when`. */
export function knownMigrations(folder = MIGRATIONS_DIR): number[] {
  const journal = JSON.parse(readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { when: number }[];
  };
  return journal.entries.map((e) => e.when);
}

export interface Contents {
  rows: Record<string, number>;
  migrations: number[];
}

export async function readContents(db: Db): Promise<Contents> {
  const tables = await listTables(db);
  return { rows: await countRows(db, tables), migrations: await appliedMigrations(db) };
}

/** "3 agents, 6 tasks, 3 decisions (17 rows in 19 tables)", for the operator. */
export function describeContents(c: Contents): string {
  const n = (table: string) => c.rows[table] ?? 0;
  const total = Object.values(c.rows).reduce((a, b) => a + b, 0);
  return `${n('agents')} agents, ${n('tasks')} tasks, ${n('assignment_decisions')} decisions (${total} rows in ${Object.keys(c.rows).length} tables)`;
}

/** A database written by a newer Flightdeck has migrations this one does not know. */
export function newerThanThisVersion(applied: number[]): boolean {
  const known = knownMigrations();
  const last = known[known.length - 1] ?? 0;
  return applied.some((at) => at > last);
}
