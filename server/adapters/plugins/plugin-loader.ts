import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Plugin } from '@/server/core/hooks/plugin';
import type { Logger } from '@/server/core/ports';

/**
 * Loads the plugins named by `FLIGHTDECK_PLUGINS` (paths, absolute or from the working
 * directory): each module's default export `{name, onEvent?, preAssign?}`. A module that is
 * missing or has the wrong shape stops the start: a plugin silently left out is worse.
 */
export async function loadPlugins(specs: readonly string[], log: Logger, cwd = process.cwd()): Promise<Plugin[]> {
  const plugins: Plugin[] = [];
  for (const spec of specs) {
    const file = path.resolve(cwd, spec);
    let mod: { default?: unknown };
    try {
      mod = (await import(/* webpackIgnore: true */ pathToFileURL(file).href)) as { default?: unknown };
    } catch (err) {
      throw new Error(`FLIGHTDECK_PLUGINS: cannot load ${file}: ${(err as Error).message}`, { cause: err });
    }
    const plugin = checkPlugin(mod.default, file);
    if (plugins.some((p) => p.name === plugin.name))
      throw new Error(`FLIGHTDECK_PLUGINS: two plugins are named ${plugin.name}`);
    plugins.push(plugin);
    log.info({ plugin: plugin.name, file, onEvent: !!plugin.onEvent, preAssign: !!plugin.preAssign }, 'plugin loaded');
  }
  return plugins;
}

function checkPlugin(value: unknown, file: string): Plugin {
  const p = value as Partial<Plugin> | null | undefined;
  const fail = (why: string) => new Error(`FLIGHTDECK_PLUGINS: ${file}: ${why}`);
  if (!p || typeof p !== 'object') throw fail('its default export must be an object `{name, onEvent?, preAssign?}`');
  if (typeof p.name !== 'string' || !p.name.trim()) throw fail('`name` must be a non-empty string');
  for (const key of ['onEvent', 'preAssign'] as const)
    if (p[key] !== undefined && typeof p[key] !== 'function') throw fail(`\`${key}\` must be a function`);
  if (!p.onEvent && !p.preAssign) throw fail('it has neither `onEvent` nor `preAssign`');
  return p as Plugin;
}
