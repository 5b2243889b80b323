import { readIssues, type ErrorLike, type InputIssue } from '@/components/trpc/input-issues';

export interface PoolFieldErrors {
  /** By field key: `name`, `maxSize`, `providerSettings.image`, `providerSettings.latencyMs.min`… */
  fields: Record<string, string>;
  /** Whatever names no field the form shows. */
  form: string | null;
}

const NONE: PoolFieldErrors = { fields: {}, form: null };
const ARRAY_ITEM: Record<string, string> = { capabilities: 'capability', sleepWindows: 'line' };

/**
 * Puts each problem next to the input it concerns. Input validation names fields in `issues`
 * (`capabilities.1`, `sleepWindows.0`); the pool service names them at the head of its message
 * (`maxSize: must be at least minSize`, `providerSettings: image: is required; cpus: …`).
 * `shown` lists the field keys the form has; anything else is a whole-form message.
 */
export function poolFieldErrors(error: ErrorLike | null | undefined, shown: readonly string[]): PoolFieldErrors {
  if (!error) return NONE;
  const issues = readIssues(error.data);
  const problems = issues.length ? issues : fromMessage(error.message);
  if (!problems) return { fields: {}, form: error.message };
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  for (const { path, message } of problems) {
    const [key, text] = fieldOf(path, message);
    if (shown.includes(key)) fields[key] ??= text;
    else rest.push(path ? `${path}: ${message}` : message);
  }
  return { fields, form: rest.length ? rest.join('; ') : null };
}

/** `capabilities.1` → `capabilities` with "capability 2: …"; provider settings keep their whole path. */
function fieldOf(path: string, message: string): [string, string] {
  const parts = path.split('.');
  if (parts[0] === 'providerSettings') return [path, message];
  const index = parts.length > 1 && /^\d+$/.test(parts[1]) ? Number(parts[1]) : null;
  const item = ARRAY_ITEM[parts[0]];
  return [parts[0], index != null && item ? `${item} ${index + 1}: ${message}` : message];
}

function fromMessage(message: string): InputIssue[] | null {
  if (/^a pool named .* already exists$/.test(message)) return [{ path: 'name', message }];
  const head = /^(providerSettings|provider|maxSize|minSize|name|capabilities|sleepWindows|adapter): ([\s\S]*)$/.exec(
    message,
  );
  if (!head) return null;
  if (head[1] !== 'providerSettings') return [{ path: head[1], message: head[2] }];
  // "providerSettings: image: is required…; memoryMb: must be…": one problem per setting.
  return head[2].split('; ').map((part) => {
    const m = /^([\w.]+): ([\s\S]*)$/.exec(part);
    return m ? { path: `providerSettings.${m[1]}`, message: m[2] } : { path: 'providerSettings', message: part };
  });
}
