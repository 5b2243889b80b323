import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureChromium, findChromium, INSTALL_HINT } from './chromium.mjs';

const dir = mkdtempSync(path.join(tmpdir(), 'fd-chromium-'));
const fakeBinary = (name: string, mode = 0o755) => {
  const file = path.join(dir, name);
  writeFileSync(file, '#!/bin/sh\n');
  chmodSync(file, mode);
  return file;
};
const sink = { write: () => true };

describe('finding Chromium for the browser tests', () => {
  it("prefers Playwright's own browser, then the system's", () => {
    const own = fakeBinary('own-chrome');
    const system = fakeBinary('chromium');
    expect(findChromium({}, { own: () => own, systemPaths: [system] })).toEqual({
      path: own,
      source: "Playwright's own",
    });
    expect(findChromium({}, { own: () => null, systemPaths: ['/nonexistent/chromium', system] })).toEqual({
      path: system,
      source: 'system package',
    });
  });

  it('takes FLIGHTDECK_CHROMIUM first, and refuses one that is not executable', async () => {
    const chosen = fakeBinary('chosen');
    const notExecutable = fakeBinary('plain-file', 0o644);
    expect(findChromium({ FLIGHTDECK_CHROMIUM: chosen }, { own: () => '/x', systemPaths: [] })?.path).toBe(chosen);
    const r = await ensureChromium({
      out: sink,
      env: { FLIGHTDECK_CHROMIUM: notExecutable },
      probe: { own: () => null, systemPaths: [] },
    });
    expect(r).toEqual({ ok: false, why: `FLIGHTDECK_CHROMIUM=${notExecutable} is not an executable file` });
  });

  it('says in one line what to run when none is found and it may not install one', async () => {
    const r = await ensureChromium({
      out: sink,
      env: {},
      probe: { own: () => null, systemPaths: [] },
      mayInstall: () => false,
    });
    expect(r).toEqual({ ok: false, why: INSTALL_HINT });
    expect(INSTALL_HINT).toContain('apt-get install -y chromium');
    expect(INSTALL_HINT).not.toContain('\n');
  });
});
