// The browser tests' own PostgreSQL database, made fresh for each run: specs seed thousands of
// agents, which must not land in (or meet leftovers of) the shared database DATABASE_URL names.
import { execFileSync } from 'node:child_process';

const NAME_PREFIX = 'flightdeck_e2e_';

/** Creates `flightdeck_e2e_<pid>_<time>` next to `adminUrl`'s database and answers its URL (synchronous: config files cannot await). */
export function createE2eDatabase(adminUrl) {
  const name = `${NAME_PREFIX}${process.pid}_${Date.now()}`;
  run(adminUrl, `create database "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops the run's database, with the server's connections still open. */
export function dropE2eDatabase(adminUrl, url) {
  const name = new URL(url).pathname.slice(1);
  if (!name.startsWith(NAME_PREFIX)) throw new Error(`refusing to drop ${name}: not an e2e database`);
  run(adminUrl, `drop database if exists "${name}" with (force)`);
}

function run(connectionString, statement) {
  const script =
    "const pg = require('pg'); const c = new pg.Client({ connectionString: process.argv[1] });" +
    ' c.connect().then(() => c.query(process.argv[2])).then(() => c.end()).catch((e) => { console.error(e.message); process.exit(1); });';
  execFileSync(process.execPath, ['-e', script, connectionString, statement], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
