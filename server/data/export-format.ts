import { z } from 'zod';

/**
 * A Flightdeck export: gzipped JSON lines, readable with `zcat`.
 *   line 1   the header: format, version, schema (the migrations applied), row counts
 *   then     per table: `{"table","columns","rows":N}`, followed by its N rows, one JSON object
 *            each, exactly as PostgreSQL's row_to_json writes them (so no value goes through a
 *            JavaScript number and big integers keep every digit)
 *   last     `{"end":true,"rows":TOTAL}`: a file without it is incomplete
 * Tables come parents first, so loading them in file order satisfies every foreign key.
 */
export const EXPORT_FORMAT = 'flightdeck-export';
export const EXPORT_VERSION = 1;

export const ExportHeader = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  flightdeck: z.string(),
  createdAt: z.string(),
  source: z.enum(['pglite', 'postgres']),
  /** drizzle's `when` of each migration applied to the source, in order. */
  migrations: z.array(z.number()),
  rows: z.record(z.string(), z.number().int().min(0)),
});
export type ExportHeader = z.infer<typeof ExportHeader>;

export const TableSection = z.object({
  table: z.string().min(1),
  columns: z.array(z.string()).min(1),
  rows: z.number().int().min(0),
});
export type TableSection = z.infer<typeof TableSection>;

export const ExportEnd = z.object({ end: z.literal(true), rows: z.number().int().min(0) });
