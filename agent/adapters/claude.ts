import type { Adapter, AdapterEvent, AdapterSettings, StreamParser } from './adapter';
import { promptArg } from './adapter';
import { findResetAt } from './reset-time';
import { describeToolInput, type Json, LIMIT_TEXT, num, parseJsonLine, textLines, truncate } from './stream-text';

/**
 * Claude Code in print mode. `--output-format stream-json` needs `--verbose` with `-p` (the
 * CLI refuses otherwise). The stream: `system/init` (session_id, model), `assistant` and
 * `user` messages (with `usage`), `rate_limit_event`, then one `result`.
 */
export function claudeAdapter(settings: AdapterSettings): Adapter {
  const command = settings.cliPath ?? 'claude';
  const stream = ['--output-format', 'stream-json', '--verbose'];
  return {
    name: 'claude',
    runtime: 'claude-code',
    taskCommand: (task) => ({
      command,
      args: [
        '-p',
        promptArg(task.prompt),
        ...stream,
        ...(task.sessionId ? ['--resume', task.sessionId] : []),
        ...settings.extraArgs,
      ],
    }),
    consolidationCommand: (sessionId) => ({
      command,
      args: ['-p', '/compact', '--resume', sessionId, ...stream, ...settings.extraArgs],
    }),
    createParser: () => new ClaudeStreamParser(),
  };
}

export class ClaudeStreamParser implements StreamParser {
  constructor(private readonly now: () => number = Date.now) {}

  parse(line: string, source: 'stdout' | 'stderr'): AdapterEvent[] {
    if (source === 'stderr') return []; // diagnostics: kept in the tail for error messages
    const msg = parseJsonLine(line);
    if (!msg) return [{ type: 'output', text: line }];
    switch (msg.type) {
      case 'system':
        return this.system(msg);
      case 'rate_limit_event':
        return this.rateLimit(msg.rate_limit_info ?? {});
      case 'assistant':
        return this.assistant(msg);
      case 'result':
        return this.result(msg);
      default:
        return [];
    }
  }

  private system(msg: Json): AdapterEvent[] {
    switch (msg.subtype) {
      case 'init':
        return [
          { type: 'session', sessionId: msg.session_id },
          {
            type: 'output',
            text: `claude ${msg.claude_code_version ?? ''} · ${msg.model ?? ''} · session ${msg.session_id}`,
          },
        ];
      case 'api_retry':
        return [
          {
            type: 'activity',
            state: 'working',
            detail: `API retry ${msg.attempt}/${msg.max_retries} (${msg.error ?? msg.error_status})`,
          },
        ];
      case 'compact_boundary':
        return [{ type: 'context', used: num(msg.compact_metadata?.post_tokens) }];
      case 'session_state_changed':
        return msg.state === 'requires_action'
          ? [{ type: 'activity', state: 'waiting-for-input', detail: 'claude requires action' }]
          : msg.state === 'running'
            ? [{ type: 'activity', state: 'working' }]
            : [];
      default:
        return [];
    }
  }

  private rateLimit(info: Json): AdapterEvent[] {
    const kind = info.rateLimitType ?? 'usage';
    if (info.status === 'rejected') {
      return [
        {
          type: 'rate-limited',
          resetAt: info.resetsAt ? num(info.resetsAt) * 1000 : undefined,
          detail: `claude ${kind} limit reached`,
        },
      ];
    }
    if (info.status === 'allowed_warning')
      return [
        { type: 'output', text: `approaching the ${kind} limit (${Math.round(num(info.utilization) * 100)} % used)` },
      ];
    return [];
  }

  private assistant(msg: Json): AdapterEvent[] {
    const content: Json[] = Array.isArray(msg.message?.content) ? msg.message.content : [];
    const text = content
      .filter((c) => c.type === 'text')
      .map((c) => c.text)
      .join('\n');
    if (msg.error === 'rate_limit')
      return [
        {
          type: 'rate-limited',
          resetAt: findResetAt(text, this.now()),
          detail: truncate(text || 'claude rate limit', 500),
        },
      ];
    const events: AdapterEvent[] = [];
    const usage = msg.message?.usage;
    // Subagents (parent_tool_use_id set) have their own context; count the main conversation's.
    if (usage && !msg.parent_tool_use_id && msg.message?.model !== '<synthetic>') {
      events.push({
        type: 'context',
        used:
          num(usage.input_tokens) +
          num(usage.cache_read_input_tokens) +
          num(usage.cache_creation_input_tokens) +
          num(usage.output_tokens),
      });
    }
    for (const block of content) {
      if (block.type === 'text')
        events.push(...textLines(block.text).map((t): AdapterEvent => ({ type: 'output', text: t })));
      if (block.type === 'tool_use')
        events.push({ type: 'output', text: `▸ ${block.name} ${describeToolInput(block.input)}`.trimEnd() });
    }
    return events;
  }

  private result(msg: Json): AdapterEvent[] {
    const events: AdapterEvent[] = [];
    if (msg.session_id) events.push({ type: 'session', sessionId: msg.session_id });
    const windows = Object.values((msg.modelUsage ?? {}) as Record<string, Json>)
      .map((m) => num(m.contextWindow))
      .filter((w) => w > 0);
    if (windows.length) events.push({ type: 'context', window: Math.max(...windows) });
    for (const denial of msg.permission_denials ?? [])
      events.push({ type: 'output', text: `permission denied: ${denial.tool_name}` });
    const text: string = typeof msg.result === 'string' ? msg.result : '';
    if (msg.is_error || msg.subtype !== 'success') {
      const message = text || (msg.errors ?? []).join('; ') || msg.subtype || 'claude failed';
      events.push(
        LIMIT_TEXT.test(message)
          ? { type: 'rate-limited', resetAt: findResetAt(message, this.now()), detail: truncate(message, 500) }
          : { type: 'error', message },
      );
      return events;
    }
    events.push({
      type: 'result',
      text,
      usage: {
        ...msg.usage,
        total_cost_usd: msg.total_cost_usd,
        num_turns: msg.num_turns,
        duration_ms: msg.duration_ms,
      },
    });
    return events;
  }
}
