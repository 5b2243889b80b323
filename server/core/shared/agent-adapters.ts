/**
 * The one list of agent adapters: how a worker drives a coding CLI (or a shell command), the
 * runtime it registers as, and the executable `--detect` looks for. The worker's adapters, the
 * pool form, pool validation and the demo fleet all read it; a new adapter starts here.
 */
export const AGENT_ADAPTERS = {
  claude: { runtime: 'claude-code', label: 'Claude Code', cli: 'claude' },
  gemini: { runtime: 'gemini-cli', label: 'Gemini CLI', cli: 'gemini' },
  codex: { runtime: 'codex-cli', label: 'Codex CLI', cli: 'codex' },
  aider: { runtime: 'aider', label: 'Aider', cli: 'aider' },
  shell: { runtime: 'shell', label: 'Shell command', cli: null },
} as const;

export type AdapterName = keyof typeof AGENT_ADAPTERS;
export type AdapterRuntime = (typeof AGENT_ADAPTERS)[AdapterName]['runtime'];

export const ADAPTER_NAMES = Object.keys(AGENT_ADAPTERS) as [AdapterName, ...AdapterName[]];

/** The coding CLIs (every adapter but the shell), by executable name. */
export const CODING_CLIS = ADAPTER_NAMES.flatMap((a) => AGENT_ADAPTERS[a].cli ?? []);

/** The runtimes of the coding CLIs, as agents driving them register. */
export const CODING_RUNTIMES = ADAPTER_NAMES.filter((a) => AGENT_ADAPTERS[a].cli).map((a) => AGENT_ADAPTERS[a].runtime);
