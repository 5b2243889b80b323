import type { AdapterName, AdapterRuntime } from '../../server/core/shared/agent-adapters';
/**
 * One interface for every coding CLI the worker can drive. An adapter knows how to start its
 * CLI for a task and how to read the CLI's output stream back into AdapterEvents; everything
 * else (spawning, stall detection, reporting to the server) is shared.
 */

/** What the agent is doing, as the server's `activity.state` spells it. */
export type ActivityState =
  'idle' | 'working' | 'waiting-for-input' | 'rate-limited' | 'stalled' | 'done' | 'failed' | 'stopping';

export type AdapterEvent =
  /** The CLI changed what it is doing (stalled is raised by run-cli, not by parsers). */
  | { type: 'activity'; state: 'working' | 'waiting-for-input' | 'stalled'; detail?: string }
  /** A human-readable line worth streaming to the server as progress. */
  | { type: 'output'; text: string }
  | { type: 'progress'; percent: number; message?: string }
  /** The CLI's conversation id, to resume it on the next task. */
  | { type: 'session'; sessionId: string }
  /** Tokens in the conversation now, and the model's window when the stream says it. */
  | { type: 'context'; used?: number; window?: number }
  /** The CLI hit a usage or rate limit; resetAt in epoch ms when the CLI says when it lifts. */
  | { type: 'rate-limited'; resetAt?: number; detail: string }
  /** The final answer. `data` is structured output (shell `::result`), `usage` token counts. */
  | { type: 'result'; text?: string; data?: unknown; usage?: unknown }
  /** The run failed even if the process exits 0 (e.g. claude `is_error`, codex `turn.failed`). */
  | { type: 'error'; message: string };

export type OutputSource = 'stdout' | 'stderr';

/** Reads one run's output. Stateful: a fresh parser per run. */
export interface StreamParser {
  parse(line: string, source: OutputSource): AdapterEvent[];
  /** Called once when the process exited, for events only known at the end. */
  end?(exitCode: number | null): AdapterEvent[];
}

export interface TaskInput {
  taskId: string;
  attempt: number;
  title: string;
  prompt: string;
  payload: unknown;
  /** The conversation to continue, or null for a fresh one. */
  sessionId: string | null;
}

export interface CliCommand {
  command: string;
  args: string[];
  /** Written to the child's stdin, which is then closed; stdin is /dev/null when absent. */
  stdin?: string;
  env?: Record<string, string>;
}

export interface AdapterSettings {
  /** The CLI executable (default: the adapter's binary name, looked up on PATH). */
  cliPath?: string;
  /** Extra arguments passed to the CLI before the prompt (`--cli-arg`). */
  extraArgs: string[];
  /** The shell adapter's command template. */
  shellCommand?: string;
}

export { ADAPTER_NAMES, type AdapterName } from '../../server/core/shared/agent-adapters';

export interface Adapter {
  name: AdapterName;
  /** The `runtime` the agent registers with. */
  runtime: AdapterRuntime;
  /** The model's context window when the stream does not say it. */
  defaultContextWindow?: number;
  taskCommand(task: TaskInput): CliCommand;
  /**
   * How to shrink a full context window. A command to run on the session (claude's `/compact`),
   * or null: forget the session and start afresh on the next task.
   */
  consolidationCommand(sessionId: string): CliCommand | null;
  createParser(): StreamParser;
}

/** Prompts starting with "-" would be read as flags by the CLIs' argument parsers. */
export function promptArg(prompt: string): string {
  return prompt.startsWith('-') ? ` ${prompt}` : prompt;
}
