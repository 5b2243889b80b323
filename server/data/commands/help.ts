/** What `flightdeck <command> --help` prints: kept apart so help needs none of the database code. */

const EXIT_CODES = `Exit codes: 0 done, 1 failed (unreadable file, server or database error), 2 bad arguments,
3 refused to protect data (a data directory in use, a target that is not empty, FILE exists).`;

export const HELP: Record<string, string> = {
  backup: `Usage: flightdeck backup FILE [options]

Writes a consistent copy of the embedded database (the PGlite data directory) to FILE, a
gzipped tarball. While a server runs on the directory, that server makes the copy
(POST /api/admin/backup, with an admin API token); otherwise the directory is read here,
under its lock. The copy is then opened to check it, and what it holds is printed.

Options:
  --data-dir DIR   the data directory (default: $FLIGHTDECK_DATA_DIR, else ./.flightdeck)
  --url URL        the server to ask (default: http://127.0.0.1:$PORT when a server holds DIR)
  --token TOKEN    an admin API token (default: $FLIGHTDECK_ADMIN_TOKEN)
  --force          overwrite FILE if it exists

Production mode (DATABASE_URL set) keeps its data in PostgreSQL: back it up with pg_dump.

${EXIT_CODES}`,

  restore: `Usage: flightdeck restore FILE [options]

Replaces the embedded database (the PGlite data directory) with the backup in FILE, as
\`flightdeck backup\` writes it. The server must be stopped: restore refuses while any process
holds the directory (it names the process and its lock file). The backup is loaded beside the
current database and checked before anything is replaced; the server applies newer
migrations when it next starts.

Options:
  --data-dir DIR   the data directory (default: $FLIGHTDECK_DATA_DIR, else ./.flightdeck)
  --force          replace a database that is already there; it is kept as
                   DIR/pglite.replaced-<time> until you delete it

${EXIT_CODES}`,

  export: `Usage: flightdeck export FILE [options]

Writes every row of the database to FILE in a portable format (gzipped JSON lines, one
table after another), which \`flightdeck import\` loads into another database: this is how
an embedded installation moves to PostgreSQL. The rows all come from one consistent moment.

The source is PostgreSQL when DATABASE_URL is set, else the embedded data directory: while a
server runs on it, that server makes a consistent copy first (as for \`flightdeck backup\`),
and the export is read from the copy. The source is migrated to this version's schema first
(a copy of it, in embedded mode), so export and import with the same version of Flightdeck.

Options:
  --data-dir DIR   the data directory (default: $FLIGHTDECK_DATA_DIR, else ./.flightdeck)
  --url URL        the server to ask (default: http://127.0.0.1:$PORT when a server holds DIR)
  --token TOKEN    an admin API token (default: $FLIGHTDECK_ADMIN_TOKEN)
  --force          overwrite FILE if it exists

${EXIT_CODES}`,

  import: `Usage: flightdeck import FILE [options]

Loads an export (\`flightdeck export\`) into an empty database: PostgreSQL when DATABASE_URL
is set (the way from embedded to production mode), else the embedded data directory, which no
server may hold meanwhile. The target is migrated to this version's schema, must hold no rows
(import before the first start), and is loaded in one transaction: an error leaves it empty.
Users, passwords and API tokens come along, so the same credentials work afterwards.

Options:
  --data-dir DIR   the data directory when DATABASE_URL is not set (default:
                   $FLIGHTDECK_DATA_DIR, else ./.flightdeck)

${EXIT_CODES}`,
};
