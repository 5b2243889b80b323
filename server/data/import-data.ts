import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { rows } from '@/server/adapters/store/rows';
import { appliedMigrations, countRows, listTables, quoteIdent, type TableInfo } from './catalog';
import { failed, refused } from './command-error';
import { ExportEnd, ExportHeader, TableSection } from './export-format';

/** Rows per INSERT, and characters of JSON per INSERT, whichever comes first. */
const BATCH_ROWS = 1_000;
const BATCH_CHARS = 4_000_000;

/** Parses the first line of an export; anything else is not one. */
export function parseHeader(line: string | undefined, file: string): ExportHeader {
  let value: unknown;
  try {
    value = JSON.parse(line ?? '');
  } catch {
    throw failed(`${file} is not a Flightdeck export (its first line is not JSON)`);
  }
  const header = ExportHeader.safeParse(value);
  if (!header.success) {
    const format = (value as { format?: unknown })?.format;
    throw failed(
      format === 'flightdeck-export'
        ? `${file} is an export this version cannot read (${header.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')})`
        : `${file} is not a Flightdeck export (no "format":"flightdeck-export" header)`,
    );
  }
  return header.data;
}

/**
 * Loads an export into `db`, which must be migrated to the export's schema and hold no rows.
 * One transaction: a bad row, a truncated file or a foreign-key error leaves the database as
 * it was. `lines` yields the lines after the header.
 */
export async function importData(
  db: Db,
  header: ExportHeader,
  lines: AsyncIterator<string>,
  opts: { onStart?(): void; onRows?(n: number): void } = {},
): Promise<number> {
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    // The export carries the event log as it was: the rows loaded here are not new changes (migration 0011).
    await t.execute(sql`select set_config('flightdeck.importing', 'on', true)`);
    const target = await listTables(t);
    const migrations = await appliedMigrations(t);
    if (JSON.stringify(migrations) !== JSON.stringify(header.migrations)) {
      throw refused(
        `the export's schema (${header.migrations.length} migrations, Flightdeck ${header.flightdeck}) differs from this database's (${migrations.length} migrations): export and import with the same version of Flightdeck`,
      );
    }
    const counts = await countRows(t, target);
    const occupied = Object.entries(counts).filter(([, n]) => n > 0);
    if (occupied.length) {
      throw refused(
        `the target database is not empty (${occupied.map(([name, n]) => `${name}: ${n}`).join(', ')}); import needs a fresh one: a new PostgreSQL database, or an empty data directory, never started`,
      );
    }
    const next = async (what: string) => {
      const r = await lines.next();
      if (r.done) throw failed(`the export ends early (expected ${what}): the file is incomplete`);
      return r.value;
    };
    opts.onStart?.();
    let total = 0;
    for (;;) {
      const line = await next('a table or the end marker');
      const marker = parseJson(line);
      const end = ExportEnd.safeParse(marker);
      if (end.success) {
        if (end.data.rows !== total)
          throw failed(
            `the export's end marker counts ${end.data.rows} rows, the file held ${total}: the file is damaged`,
          );
        break;
      }
      const section = TableSection.safeParse(marker);
      if (!section.success) throw failed(`unexpected line in the export after ${total} rows: ${line.slice(0, 80)}`);
      const table = matchTable(target, section.data);
      let batch: string[] = [];
      let chars = 0;
      const flush = async () => {
        if (!batch.length) return;
        await insertRows(t, table, `[${batch.join(',')}]`);
        opts.onRows?.(batch.length);
        batch = [];
        chars = 0;
      };
      for (let i = 0; i < section.data.rows; i++) {
        const row = await next(`row ${i + 1} of ${section.data.rows} of ${table.name}`);
        batch.push(row);
        chars += row.length;
        if (batch.length >= BATCH_ROWS || chars >= BATCH_CHARS) await flush();
      }
      await flush();
      total += section.data.rows;
    }
    await resetSequences(t);
    return total;
  });
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return null;
  }
}

/** The export's columns must be the target's: same migrations, but a hand-edited table would not load right. */
function matchTable(target: TableInfo[], section: TableSection): TableInfo {
  const table = target.find((t) => t.name === section.table);
  if (!table) throw refused(`the export has a table ${section.table} that this database does not`);
  const missing = table.columns.filter((c) => !section.columns.includes(c));
  const extra = section.columns.filter((c) => !table.columns.includes(c));
  if (missing.length || extra.length) {
    throw refused(
      `table ${section.table} differs between the export and this database (${[...missing.map((c) => `missing ${c}`), ...extra.map((c) => `unknown ${c}`)].join(', ')})`,
    );
  }
  return table;
}

async function insertRows(db: Db, table: TableInfo, json: string): Promise<void> {
  const name = quoteIdent(table.name);
  const cols = table.columns.map(quoteIdent).join(', ');
  try {
    await db.execute(sql`insert into ${sql.raw(name)} (${sql.raw(cols)}) overriding system value
      select ${sql.raw(cols)} from json_populate_recordset(null::${sql.raw(name)}, ${json}::json)`);
  } catch (e) {
    throw failed(`cannot load table ${table.name}: ${(e as Error).message}`);
  }
}

/** Serial and identity columns continue after the highest imported value. */
async function resetSequences(db: Db): Promise<void> {
  const serials = await rows<{ table: string; column: string; seq: string }>(
    db,
    sql`
    select c.relname as "table", a.attname as "column", pg_get_serial_sequence(quote_ident(c.relname), a.attname) as seq
    from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped
      and pg_get_serial_sequence(quote_ident(c.relname), a.attname) is not null`,
  );
  for (const s of serials) {
    await db.execute(
      sql`select setval(${s.seq}::regclass, coalesce((select max(${sql.raw(quoteIdent(s.column))}) from ${sql.raw(quoteIdent(s.table))}), 0) + 1, false)`,
    );
  }
}
