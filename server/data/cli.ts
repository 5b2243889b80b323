// `flightdeck backup|restore|export|import`, started by cli/bin.mjs through tsx.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readEnv } from '@/server/env';
import { CommandError, EXIT } from './command-error';
import type { DataCommand } from './commands/context';
import { HELP } from './commands/help';

/** Loaded on use: `--help` and bad arguments answer without loading the database code. */
const COMMANDS: Record<string, () => Promise<DataCommand>> = {
  backup: async () => (await import('./commands/backup')).runBackup,
  restore: async () => (await import('./commands/restore')).runRestore,
  export: async () => (await import('./commands/export')).runExport,
  import: async () => (await import('./commands/import')).runImport,
};

/** Arguments: the command, the caller's working directory (FILE and --data-dir are relative to it), its arguments. */
async function main([name, callerCwd, ...args]: string[]): Promise<number> {
  const load = COMMANDS[name];
  if (!load) {
    process.stderr.write(`flightdeck: unknown data command "${name}" (one of ${Object.keys(COMMANDS).join(', ')})\n`);
    return EXIT.usage;
  }
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${HELP[name]}\n`);
    return EXIT.ok;
  }
  try {
    const env = readEnv();
    const version = (JSON.parse(readFileSync(path.join(process.cwd(), 'package.json'), 'utf8')) as { version: string })
      .version;
    const run = await load();
    await run(args, {
      env,
      version,
      resolve: (p) => path.resolve(callerCwd ?? '.', p),
      say: (line) => process.stdout.write(`${line}\n`),
    });
    return EXIT.ok;
  } catch (e) {
    const code = e instanceof CommandError ? e.exitCode : EXIT.failed;
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(`flightdeck ${name}: ${message}\n`);
    if (code === EXIT.usage) process.stderr.write(`Run \`flightdeck ${name} --help\` for its usage.\n`);
    return code;
  }
}

// PGlite and pg may keep handles open after close: the exit code is the result.
main(process.argv.slice(2)).then((code) => process.exit(code));
