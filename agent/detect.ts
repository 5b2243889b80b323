import { execFile } from 'node:child_process';
import { DETECTABLE_CLIS } from './adapters/catalog';

export interface DetectedCli {
  name: string;
  installed: boolean;
  version?: string;
  problem?: string;
}

/** Runs `<cli> --version` for each coding CLI (5 s each, in parallel). */
export function detectClis(names: readonly string[] = DETECTABLE_CLIS, timeoutMs = 5000): Promise<DetectedCli[]> {
  return Promise.all(
    names.map(
      (name) =>
        new Promise<DetectedCli>((resolve) => {
          execFile(name, ['--version'], { timeout: timeoutMs, env: process.env }, (err, stdout, stderr) => {
            const firstLine = `${stdout}`.trim().split('\n')[0] || `${stderr}`.trim().split('\n')[0];
            if (!err) return resolve({ name, installed: true, version: firstLine });
            const e = err as NodeJS.ErrnoException & { killed?: boolean };
            if (e.code === 'ENOENT') return resolve({ name, installed: false });
            resolve({
              name,
              installed: true,
              problem: e.killed
                ? `--version timed out after ${timeoutMs / 1000} s`
                : `--version failed: ${firstLine || e.message}`,
            });
          });
        }),
    ),
  );
}

export function formatDetection(found: DetectedCli[]): string {
  const width = Math.max(...found.map((f) => f.name.length));
  const lines = found.map(
    (f) => `${f.name.padEnd(width)}  ${f.installed ? (f.version ?? `installed (${f.problem})`) : 'missing'}`,
  );
  const missing = found.filter((f) => !f.installed).map((f) => f.name);
  lines.push('', missing.length ? `missing: ${missing.join(', ')}` : 'all coding CLIs found');
  return lines.join('\n');
}
