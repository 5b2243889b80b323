import { createRequire } from 'node:module';
import path from 'node:path';
import type * as Esbuild from 'esbuild';

export interface WorkerBundle {
  /** The worker as one ES module, `#!/usr/bin/env node` first. */
  code: string;
  /** Folders (relative to the root) of the npm packages bundled into it, sorted. */
  packageDirs: string[];
  esbuildVersion: string;
}

/**
 * esbuild as tsx, a runtime dependency, brings it: always installed with the server, and the
 * version the lock file pins for tsx, so the same checkout bundles the same bytes.
 */
function loadEsbuild(root: string): typeof Esbuild {
  const fromRoot = createRequire(path.join(root, 'package.json'));
  return createRequire(fromRoot.resolve('tsx/package.json'))('esbuild') as typeof Esbuild;
}

// The bundled packages (pino) are CommonJS and require Node's built-ins at run time.
const BANNER = [
  '#!/usr/bin/env node',
  "import { createRequire as __flightdeckCreateRequire } from 'node:module';",
  'const require = __flightdeckCreateRequire(import.meta.url);',
].join('\n');

/** Bundles `agent/main.ts` and everything it imports (zod, pino) into plain JavaScript. */
export async function bundleWorker(root: string): Promise<WorkerBundle> {
  const esbuild = loadEsbuild(root);
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: ['agent/main.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    banner: { js: BANNER },
    legalComments: 'none', // the licences travel whole, in THIRD_PARTY_LICENSES.md
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const packageDirs = new Set<string>();
  for (const input of Object.keys(result.metafile.inputs)) {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match) packageDirs.add(match[1]);
  }
  return { code: result.outputFiles[0].text, packageDirs: [...packageDirs].sort(), esbuildVersion: esbuild.version };
}
