import type { Adapter, AdapterEvent, AdapterSettings, StreamParser } from './adapter';
import { promptArg } from './adapter';
import { findResetAt } from './reset-time';
import { describeToolInput, type Json, LIMIT_TEXT, num, parseJsonLine, textLines, truncate } from './stream-text';

/**
 * Gemini CLI headless. `--skip-trust`: without it a headless run in an untrusted folder exits
 * 55 before doing anything. Stream events: init (session_id, model), message (role, content,
 * delta), tool_use, tool_result, error (severity), result (status, error, stats).
 */
export function geminiAdapter(settings: AdapterSettings): Adapter {
  const command = settings.cliPath ?? 'gemini';
  return {
    name: 'gemini',
    runtime: 'gemini-cli',
    defaultContextWindow: 1_048_576,
    taskCommand: (task) => ({
      command,
      args: [
        '-p',
        promptArg(task.prompt),
        '--output-format',
        'stream-json',
        '--skip-trust',
        ...(task.sessionId ? ['--resume', task.sessionId] : []),
        ...settings.extraArgs,
      ],
    }),
    consolidationCommand: () => null,
    createParser: () => new GeminiStreamParser(),
  };
}

const QUOTA_ERROR_TYPES = new Set(['TerminalQuotaError', 'RetryableQuotaError']);

export class GeminiStreamParser implements StreamParser {
  constructor(private readonly now: () => number = Date.now) {}

  private answer = '';
  private partial = '';

  parse(line: string, source: 'stdout' | 'stderr'): AdapterEvent[] {
    if (source === 'stderr') {
      // Gemini retries quota errors itself and says so here; the stream's result decides.
      return /^Attempt \d+ failed/.test(line) ? [{ type: 'output', text: truncate(line, 300) }] : [];
    }
    const msg = parseJsonLine(line);
    if (!msg) return [{ type: 'output', text: line }];
    switch (msg.type) {
      case 'init':
        return [
          { type: 'session', sessionId: msg.session_id },
          { type: 'output', text: `gemini · ${msg.model ?? ''} · session ${msg.session_id}` },
        ];
      case 'message':
        return msg.role === 'assistant' ? this.delta(String(msg.content ?? '')) : [];
      case 'tool_use':
        return [
          ...this.flush(),
          { type: 'output', text: `▸ ${msg.tool_name} ${describeToolInput(msg.parameters)}`.trimEnd() },
        ];
      case 'tool_result':
        return msg.status === 'error'
          ? [{ type: 'output', text: `✗ ${msg.tool_id}: ${msg.error?.message ?? 'tool error'}` }]
          : [];
      case 'error':
        if (msg.severity === 'error' && LIMIT_TEXT.test(msg.message ?? '')) return [this.limited(msg.message)];
        return [{ type: 'output', text: `${msg.severity ?? 'error'}: ${msg.message}` }];
      case 'result':
        return [...this.flush(), ...this.result(msg)];
      default:
        return [];
    }
  }

  end(): AdapterEvent[] {
    return this.flush();
  }

  private result(msg: Json): AdapterEvent[] {
    const stats = msg.stats ?? {};
    // Stats add up every model call of the run: an upper bound of the conversation's size.
    const events: AdapterEvent[] = [{ type: 'context', used: num(stats.input_tokens) + num(stats.output_tokens) }];
    if (msg.status === 'success') return [...events, { type: 'result', text: this.answer.trim(), usage: stats }];
    const message: string = msg.error?.message ?? 'gemini failed';
    const quota = QUOTA_ERROR_TYPES.has(msg.error?.type) || LIMIT_TEXT.test(message);
    return [...events, quota ? this.limited(message) : { type: 'error', message }];
  }

  private limited(message: string): AdapterEvent {
    return { type: 'rate-limited', resetAt: findResetAt(message, this.now()), detail: truncate(message, 500) };
  }

  /** Assistant text arrives in fragments; stream whole lines. */
  private delta(text: string): AdapterEvent[] {
    this.answer += text;
    this.partial += text;
    const cut = this.partial.lastIndexOf('\n');
    if (cut < 0) return [];
    const complete = this.partial.slice(0, cut);
    this.partial = this.partial.slice(cut + 1);
    return textLines(complete).map((t) => ({ type: 'output', text: t }));
  }

  private flush(): AdapterEvent[] {
    const rest = this.partial;
    this.partial = '';
    return textLines(rest).map((t) => ({ type: 'output', text: t }));
  }
}
