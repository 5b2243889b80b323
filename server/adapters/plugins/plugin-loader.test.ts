import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '@/server/core/testing/fakes';
import { loadPlugins } from './plugin-loader';

const dir = mkdtempSync(path.join(tmpdir(), 'fd-plugins-'));
const write = (name: string, source: string) => {
  writeFileSync(path.join(dir, name), source);
  return name;
};

describe('plugin loader', () => {
  it('loads default exports from paths relative to the working directory, in order', async () => {
    write('a.mjs', `export default { name: 'audit', onEvent(e) { return e.event; } };`);
    write(
      'b.mjs',
      `export default { name: 'policy', preAssign: (task) => ({ allow: task.priority !== 'background' }) };`,
    );
    const plugins = await loadPlugins(['a.mjs', path.join(dir, 'b.mjs')], silentLogger, dir);
    expect(plugins.map((p) => p.name)).toEqual(['audit', 'policy']);
    expect(plugins[1].preAssign!({ priority: 'background' } as never, {} as never)).toEqual({ allow: false });
  });

  it('stops the start on a missing module or the wrong shape, naming the file and the problem', async () => {
    await expect(loadPlugins(['missing.mjs'], silentLogger, dir)).rejects.toThrow(
      /FLIGHTDECK_PLUGINS: cannot load .*missing\.mjs/,
    );
    const cases: [string, RegExp][] = [
      [`export const x = 1;`, /default export must be an object/],
      [`export default { onEvent() {} };`, /`name` must be a non-empty string/],
      [`export default { name: 'x', onEvent: 'yes' };`, /`onEvent` must be a function/],
      [`export default { name: 'x' };`, /neither `onEvent` nor `preAssign`/],
    ];
    for (const [i, [source, message]] of cases.entries())
      await expect(loadPlugins([write(`bad${i}.mjs`, source)], silentLogger, dir)).rejects.toThrow(message);
    write('dup.mjs', `export default { name: 'audit', onEvent() {} };`);
    await expect(loadPlugins(['a.mjs', 'dup.mjs'], silentLogger, dir)).rejects.toThrow(/two plugins are named audit/);
  });
});
