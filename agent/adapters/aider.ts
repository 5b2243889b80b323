import type { Adapter, AdapterEvent, AdapterSettings, StreamParser } from './adapter';
import { promptArg } from './adapter';
import { findResetAt } from './reset-time';
import { truncate } from './stream-text';

/**
 * Aider (a Python tool, no event stream): plain text with `--no-pretty --no-stream`. It has no
 * session ids. `--no-check-update`: with `--yes-always` aider would otherwise accept its own
 * upgrade offer mid-task.
 */
export function aiderAdapter(settings: AdapterSettings): Adapter {
  const command = settings.cliPath ?? 'aider';
  return {
    name: 'aider',
    runtime: 'aider',
    taskCommand: (task) => ({
      command,
      args: [
        '--message',
        promptArg(task.prompt),
        '--yes-always',
        '--no-pretty',
        '--no-stream',
        '--no-check-update',
        ...settings.extraArgs,
      ],
    }),
    consolidationCommand: () => null,
    createParser: () => new AiderOutputParser(),
  };
}

const RATE_LIMITED = /RateLimitError|rate limited you|rate_limit_error|too many requests/i;
// litellm errors aider does not retry: the run did not do its job even if aider exits 0.
const FATAL =
  /litellm\.(AuthenticationError|BadRequestError|NotFoundError|PermissionDeniedError|ContextWindowExceededError|BudgetExceededError|ContentPolicyViolationError|UnprocessableEntityError)/;
const TOKENS = /Tokens:\s*([\d.]+)([kKmM]?)\s*sent,\s*([\d.]+)([kKmM]?)\s*received/;

export class AiderOutputParser implements StreamParser {
  constructor(private readonly now: () => number = Date.now) {}

  parse(line: string): AdapterEvent[] {
    if (RATE_LIMITED.test(line))
      return [{ type: 'rate-limited', resetAt: findResetAt(line, this.now()), detail: truncate(line, 500) }];
    if (FATAL.test(line)) return [{ type: 'error', message: truncate(line, 2000) }];
    const events: AdapterEvent[] = [{ type: 'output', text: line }];
    const tokens = TOKENS.exec(line);
    // "Tokens: 12k sent, 1.2k received." per message: what was sent is the chat so far.
    if (tokens) events.push({ type: 'context', used: scaled(tokens[1], tokens[2]) + scaled(tokens[3], tokens[4]) });
    return events;
  }
}

function scaled(value: string, suffix: string): number {
  const factor = suffix.toLowerCase() === 'k' ? 1_000 : suffix.toLowerCase() === 'm' ? 1_000_000 : 1;
  return Math.round(Number(value) * factor);
}
