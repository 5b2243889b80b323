import type { Adapter, AdapterEvent, AdapterSettings, StreamParser, TaskInput } from './adapter';
import { parseResetArgument } from './reset-time';
import { truncate } from './stream-text';

/**
 * Any program, through `/bin/sh -c TEMPLATE`. `{prompt}`, `{taskId}` and `{title}` in the
 * template are replaced shell-quoted; the whole task is also in the environment and, as JSON,
 * on stdin. Output lines may speak a small protocol (see SHELL_PROTOCOL); the rest is output.
 */
export function shellAdapter(settings: AdapterSettings): Adapter {
  const template = settings.shellCommand;
  if (!template) throw new Error('the shell adapter needs --command (or FLIGHTDECK_SHELL_COMMAND)');
  return {
    name: 'shell',
    runtime: 'shell',
    taskCommand: (task) => ({
      command: settings.cliPath ?? '/bin/sh',
      args: ['-c', fillTemplate(template, task)],
      stdin: `${JSON.stringify({ taskId: task.taskId, attempt: task.attempt, title: task.title, prompt: task.prompt, payload: task.payload, sessionId: task.sessionId })}\n`,
      env: {
        FLIGHTDECK_TASK_ID: task.taskId,
        FLIGHTDECK_TASK_TITLE: task.title,
        FLIGHTDECK_TASK_PROMPT: task.prompt,
        FLIGHTDECK_TASK_PAYLOAD: JSON.stringify(task.payload ?? null),
        FLIGHTDECK_TASK_ATTEMPT: String(task.attempt),
        FLIGHTDECK_SESSION_ID: task.sessionId ?? '',
      },
    }),
    consolidationCommand: () => null,
    createParser: () => new ShellOutputParser(),
  };
}

export const SHELL_PROTOCOL = [
  '::progress <percent> <message>',
  '::context <used>/<window>',
  '::rate-limited <iso-time|epoch-seconds|+seconds>',
  '::waiting <question>',
  '::session <id>',
  '::result <json>',
];

export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

export function fillTemplate(template: string, task: Pick<TaskInput, 'prompt' | 'taskId' | 'title'>): string {
  const values: Record<string, string> = { prompt: task.prompt, taskId: task.taskId, title: task.title };
  return template.replace(/\{(prompt|taskId|title)\}/g, (_, key: string) => shellQuote(values[key]));
}

export class ShellOutputParser implements StreamParser {
  constructor(private readonly now: () => number = Date.now) {}

  private waiting = false;

  parse(line: string): AdapterEvent[] {
    const directive = /^::([a-z-]+)(?:\s+(.*))?$/.exec(line);
    const events = directive ? this.directive(directive[1], directive[2] ?? '') : null;
    if (events) return events;
    if (this.waiting) {
      this.waiting = false;
      return [
        { type: 'activity', state: 'working' },
        { type: 'output', text: line },
      ];
    }
    return [{ type: 'output', text: line }];
  }

  /** The events of a protocol line, or null when it is not one (then it is plain output). */
  private directive(name: string, arg: string): AdapterEvent[] | null {
    switch (name) {
      case 'progress': {
        const m = /^(\d+(?:\.\d+)?)%?\s*(.*)$/.exec(arg);
        return m ? [{ type: 'progress', percent: Math.min(100, Number(m[1])), message: m[2] || undefined }] : null;
      }
      case 'context': {
        const m = /^(\d+)(?:\s*\/\s*(\d+))?$/.exec(arg.trim());
        return m ? [{ type: 'context', used: Number(m[1]), window: m[2] ? Number(m[2]) : undefined }] : null;
      }
      case 'rate-limited':
        return [
          {
            type: 'rate-limited',
            resetAt: arg ? parseResetArgument(arg, this.now()) : undefined,
            detail: `rate limited${arg ? ` until ${arg}` : ''}`,
          },
        ];
      case 'waiting':
        this.waiting = true;
        return [{ type: 'activity', state: 'waiting-for-input', detail: truncate(arg || 'waiting for input', 500) }];
      case 'session':
        return arg.trim() ? [{ type: 'session', sessionId: arg.trim() }] : null;
      case 'result':
        try {
          return [{ type: 'result', data: JSON.parse(arg) }];
        } catch {
          return [{ type: 'result', text: arg }];
        }
      default:
        return null;
    }
  }
}
