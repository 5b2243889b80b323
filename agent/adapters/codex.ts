import type { Adapter, AdapterEvent, AdapterSettings, StreamParser } from './adapter';
import { promptArg } from './adapter';
import { findResetAt } from './reset-time';
import { type Json, LIMIT_TEXT, num, parseJsonLine, textLines, truncate } from './stream-text';

/**
 * Codex CLI non-interactive: `codex exec --json [resume <thread id>] <prompt>`. JSONL events:
 * thread.started (thread_id), turn.started, item.started/updated/completed (agent_message,
 * command_execution, file_change, mcp_tool_call, web_search, todo_list, error),
 * turn.completed (usage), turn.failed (error.message), and top-level `error` (also used for
 * "Reconnecting…" notices, which are not fatal).
 */
export function codexAdapter(settings: AdapterSettings): Adapter {
  const command = settings.cliPath ?? 'codex';
  return {
    name: 'codex',
    runtime: 'codex-cli',
    taskCommand: (task) => ({
      command,
      // A worker's directory need not be a git repository; codex refuses one otherwise.
      args: [
        'exec',
        '--json',
        '--skip-git-repo-check',
        ...settings.extraArgs,
        ...(task.sessionId ? ['resume', task.sessionId] : []),
        promptArg(task.prompt),
      ],
    }),
    consolidationCommand: () => null,
    createParser: () => new CodexStreamParser(),
  };
}

export class CodexStreamParser implements StreamParser {
  constructor(private readonly now: () => number = Date.now) {}

  private lastMessage = '';

  parse(line: string, source: 'stdout' | 'stderr'): AdapterEvent[] {
    if (source === 'stderr') return [];
    const msg = parseJsonLine(line);
    if (!msg) return [{ type: 'output', text: line }];
    switch (msg.type) {
      case 'thread.started':
        return [
          { type: 'session', sessionId: msg.thread_id },
          { type: 'output', text: `codex · thread ${msg.thread_id}` },
        ];
      case 'turn.started':
        return [{ type: 'activity', state: 'working' }];
      case 'item.started':
        return msg.item?.type === 'command_execution'
          ? [{ type: 'output', text: `$ ${truncate(msg.item.command, 300)}` }]
          : [];
      case 'item.completed':
        return this.item(msg.item ?? {});
      case 'turn.completed': {
        const usage = msg.usage ?? {};
        // Per-turn totals over every model call: an upper bound of the conversation's size.
        return [
          { type: 'context', used: num(usage.input_tokens) + num(usage.output_tokens) },
          { type: 'result', text: this.lastMessage, usage },
        ];
      }
      case 'turn.failed':
        return [this.failure(msg.error?.message ?? 'codex turn failed')];
      case 'error': {
        const message = String(msg.message ?? '');
        if (!message.startsWith('Reconnecting') && LIMIT_TEXT.test(message)) return [this.failure(message)];
        return [{ type: 'output', text: truncate(message, 500) }];
      }
      default:
        return [];
    }
  }

  private item(item: Json): AdapterEvent[] {
    switch (item.type) {
      case 'agent_message':
        this.lastMessage = item.text ?? '';
        return textLines(this.lastMessage).map((t) => ({ type: 'output', text: t }));
      case 'command_execution':
        return num(item.exit_code) !== 0 ? [{ type: 'output', text: `  exit ${item.exit_code}` }] : [];
      case 'file_change':
        return (item.changes ?? []).map((c: Json): AdapterEvent => ({ type: 'output', text: `✎ ${c.kind} ${c.path}` }));
      case 'mcp_tool_call':
        return [
          { type: 'output', text: `▸ ${item.server}.${item.tool}${item.error ? ` ✗ ${item.error.message}` : ''}` },
        ];
      case 'web_search':
        return [{ type: 'output', text: `⌕ ${item.query}` }];
      case 'error':
        return [{ type: 'output', text: `warning: ${item.message}` }];
      default:
        return [];
    }
  }

  private failure(message: string): AdapterEvent {
    return LIMIT_TEXT.test(message)
      ? { type: 'rate-limited', resetAt: findResetAt(message, this.now()), detail: truncate(message, 500) }
      : { type: 'error', message };
  }
}
