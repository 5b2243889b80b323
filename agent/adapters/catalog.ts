import type { Adapter, AdapterName, AdapterSettings } from './adapter';
import { aiderAdapter } from './aider';
import { claudeAdapter } from './claude';
import { codexAdapter } from './codex';
import { geminiAdapter } from './gemini';
import { shellAdapter } from './shell';
import { CODING_CLIS } from '../../server/core/shared/agent-adapters';

const FACTORIES: Record<AdapterName, (settings: AdapterSettings) => Adapter> = {
  claude: claudeAdapter,
  gemini: geminiAdapter,
  codex: codexAdapter,
  aider: aiderAdapter,
  shell: shellAdapter,
};

export function createAdapter(name: AdapterName, settings: AdapterSettings): Adapter {
  return FACTORIES[name](settings);
}

/** The coding CLIs `--detect` looks for, by executable name. */
export const DETECTABLE_CLIS: readonly string[] = CODING_CLIS;
