import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { rows } from '@/server/adapters/store/rows';
import { appliedMigrations, countRows, listTables, quoteIdent } from './catalog';
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportHeader, type TableSection } from './export-format';

const PAGE = 1_000;

export interface ExportSink {
  /** One line of the export, without its newline. */
  write(line: string): Promise<void>;
}

/**
 * Writes every table of `db` to `sink` in the export format, from one snapshot (a
 * repeatable-read transaction), so the rows of all tables belong to the same moment.
 */
export async function exportData(
  db: Db,
  sink: ExportSink,
  opts: { flightdeck: string; source: ExportHeader['source']; onStart?(total: number): void; onRows?(n: number): void },
): Promise<ExportHeader> {
  return db.transaction(
    async (tx) => {
      const tx_ = tx as unknown as Db;
      const tables = await listTables(tx_);
      const counts = await countRows(tx_, tables);
      const header: ExportHeader = {
        format: EXPORT_FORMAT,
        version: EXPORT_VERSION,
        flightdeck: opts.flightdeck,
        createdAt: new Date().toISOString(),
        source: opts.source,
        migrations: await appliedMigrations(tx_),
        rows: counts,
      };
      opts.onStart?.(Object.values(counts).reduce((a, b) => a + b, 0));
      await sink.write(JSON.stringify(header));
      let total = 0;
      for (const table of tables) {
        const section: TableSection = { table: table.name, columns: table.columns, rows: counts[table.name] };
        await sink.write(JSON.stringify(section));
        // Pages by physical row position: stable inside the snapshot, and every table has one.
        // A `json` column keeps its text as written, line breaks too; between JSON tokens they
        // are only whitespace, so spaces keep one row per line without changing any value.
        let after = '(0,0)';
        for (;;) {
          const page = await rows<{ c: string; r: string }>(
            tx_,
            sql`
          select ctid::text as c, translate(row_to_json(t)::text, E'\n\r', '  ') as r
          from ${sql.raw(quoteIdent(table.name))} t where ctid > ${after}::tid order by ctid limit ${PAGE}`,
          );
          for (const row of page) await sink.write(row.r);
          opts.onRows?.(page.length);
          total += page.length;
          if (page.length < PAGE) break;
          after = page[page.length - 1].c;
        }
      }
      await sink.write(JSON.stringify({ end: true, rows: total }));
      return header;
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}
