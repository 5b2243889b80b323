import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { ManagedAgentSpec } from '@/server/core/pools/ports';
import { parseSettings } from './settings-check';

/** A process pool's settings: how its workers are started. */
export const ProcessSettingsInput = z.strictObject({
  /** The worker's working directory; a directory of its own under the system temp dir when absent. */
  workdir: z.string().min(1).optional(),
  /** Shell command template for the `shell` adapter (`--command`). */
  command: z.string().min(1).optional(),
  /** Extra worker arguments, appended last. */
  args: z.array(z.string()).optional(),
  env: z.record(z.string(), z.string()).optional(),
});
export type ProcessSettings = z.output<typeof ProcessSettingsInput>;

export interface WorkerCommand {
  cmd: string;
  args: string[];
}

/** `node cli/bin.mjs agent …`: the worker line, flags as `flightdeck agent` takes them (the token goes in FLIGHTDECK_TOKEN, out of `ps`). */
export function flightdeckAgentCommand(root: string) {
  return (spec: ManagedAgentSpec, workdir: string): WorkerCommand => {
    const settings = parseSettings(ProcessSettingsInput, spec.settings, 'process');
    return {
      cmd: process.execPath,
      args: [
        path.join(root, 'cli', 'bin.mjs'),
        'agent',
        '--url',
        spec.serverUrl,
        '--adapter',
        spec.adapter,
        '--capabilities',
        spec.capabilities.join(','),
        '--concurrency',
        String(spec.concurrency),
        '--name',
        spec.agentName,
        '--workdir',
        workdir,
        ...(settings.command ? ['--command', settings.command] : []),
        ...(settings.args ?? []),
      ],
    };
  };
}

/**
 * The folder holding cli/bin.mjs, looking up from this module: inside a Next bundle the module
 * lives under .next/, so a fixed number of `..` would be wrong.
 */
export function findRepoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(dir, 'cli', 'bin.mjs'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
}
