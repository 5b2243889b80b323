import type { Assignment } from './worker-types';

/**
 * The prompt for a task: `payload.prompt` if it is a string, else the payload if it is a
 * string, else the title. Other payload fields are appended as JSON, so nothing the submitter
 * sent is lost on the way to the CLI.
 */
export function taskPrompt(assignment: Pick<Assignment, 'title' | 'payload'>): string {
  const { title, payload } = assignment;
  if (typeof payload === 'string' && payload.trim()) return payload;
  if (!payload || typeof payload !== 'object' || Array.isArray(payload)) {
    return Array.isArray(payload) && payload.length ? `${title}\n\n${JSON.stringify(payload, null, 2)}` : title;
  }
  const { prompt, ...rest } = payload as Record<string, unknown>;
  const base = typeof prompt === 'string' && prompt.trim() ? prompt : title;
  const extra = typeof prompt === 'string' ? rest : (payload as Record<string, unknown>);
  return Object.keys(extra).length ? `${base}\n\nTask payload:\n${JSON.stringify(extra, null, 2)}` : base;
}
