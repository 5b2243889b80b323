/**
 * `npm run docs:api`: writes docs/api.md and docs/agent-protocol.md from the routers and the
 * prose in docs/source/. With `--check` it writes nothing and exits 1 when they are stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../cli/build.mjs';
import { SECTIONS } from '../source/sections';
import { buildDocs } from './build-docs';
import { readCatalog } from './procedure-catalog';

const check = process.argv.includes('--check');
const { files, problems } = buildDocs(readCatalog(), SECTIONS);
for (const p of problems) process.stderr.write(`docs: ${p}\n`);

let stale = 0;
for (const { file, content } of files) {
  const target = path.join(ROOT, file);
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // a missing file is stale like any other
  }
  if (current === content) continue;
  stale++;
  if (check) process.stderr.write(`docs: ${file} is stale: run npm run docs:api\n`);
  else {
    writeFileSync(target, content);
    process.stdout.write(`wrote ${file}\n`);
  }
}
if (!stale) process.stdout.write('docs are up to date\n');
process.exit(problems.length || (check && stale) ? 1 : 0);
