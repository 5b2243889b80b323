import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { bundleWorker } from './bundle-worker';
import { licenseNotices } from './license-notices';
import { writeTarGz } from './tarball';

export const AGENT_PACKAGE_NAME = 'flightdeck-agent';
export const AGENT_BIN = 'flightdeck-agent';

export interface AgentPackage {
  /** The npm package tarball (`.tgz`). */
  bytes: Buffer;
  /** The server's version, which the package carries. */
  version: string;
  /** Hex SHA-256 of `bytes`. */
  sha256: string;
  fileName: string;
  esbuildVersion: string;
}

function readme(version: string): string {
  return `# ${AGENT_PACKAGE_NAME} ${version}

The Flightdeck agent worker, served by a Flightdeck server of the same version: the worker and
everything it uses bundled into one file, with no dependencies to fetch.

\`\`\`
npm install -g <server>/api/agent/package.tgz
${AGENT_BIN} --url <server> --token <token> --adapter shell --capabilities bash --command 'make test'
${AGENT_BIN} --detect
${AGENT_BIN} --help
\`\`\`

\`${AGENT_BIN}\` takes the options and environment variables of \`flightdeck agent\`.
`;
}

/** Builds the worker's npm package from the checkout at `root`: the same checkout gives the same bytes. */
export async function buildAgentPackage(root: string): Promise<AgentPackage> {
  const { version, engines } = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as {
    version: string;
    engines?: { node?: string };
  };
  const bundle = await bundleWorker(root);
  const manifest = {
    name: AGENT_PACKAGE_NAME,
    version,
    description: 'The Flightdeck agent worker: runs a coding CLI as an agent of a Flightdeck server',
    type: 'module',
    bin: { [AGENT_BIN]: `bin/${AGENT_BIN}.mjs` },
    engines: { node: engines?.node ?? '>=20.19' },
  };
  const bytes = writeTarGz([
    { path: 'package/package.json', content: `${JSON.stringify(manifest, null, 2)}\n` },
    { path: 'package/README.md', content: readme(version) },
    { path: 'package/THIRD_PARTY_LICENSES.md', content: await licenseNotices(root, bundle.packageDirs) },
    { path: `package/bin/${AGENT_BIN}.mjs`, content: bundle.code, mode: 0o755 },
  ]);
  return {
    bytes,
    version,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    fileName: `${AGENT_PACKAGE_NAME}-${version}.tgz`,
    esbuildVersion: bundle.esbuildVersion,
  };
}

const cache = new Map<string, Promise<AgentPackage>>();

/**
 * The package, built on first use and then kept for the life of the process (a checkout does
 * not change under a running server). Callers at the same time share one build; a failed build
 * is forgotten so the next request tries again.
 */
export function agentPackage(root: string, onBuilt?: (pkg: AgentPackage, ms: number) => void): Promise<AgentPackage> {
  let pending = cache.get(root);
  if (!pending) {
    const started = performance.now();
    pending = buildAgentPackage(root).then((pkg) => {
      onBuilt?.(pkg, Math.round(performance.now() - started));
      return pkg;
    });
    pending.catch(() => cache.delete(root));
    cache.set(root, pending);
  }
  return pending;
}
