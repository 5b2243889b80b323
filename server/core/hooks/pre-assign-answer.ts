import { z } from 'zod';
import { PRIORITIES, type Agent, type Task } from '../model';
import type { TaskAmend } from './ports';

/** What a pre-assignment hook (or plugin) is asked: the task and the agent the dispatcher chose. */
export interface PreAssignRequest {
  task: {
    id: string;
    title: string;
    capabilities: string[];
    labels: Record<string, string>;
    priority: string;
    project: string;
  };
  agent: { id: string; name: string; runtime: string; labels: Record<string, string> };
}

export const preAssignRequest = (task: Task, agent: Agent): PreAssignRequest => ({
  task: {
    id: task.id,
    title: task.title,
    capabilities: task.capabilities,
    labels: task.labels ?? {},
    priority: task.priority,
    project: task.project,
  },
  agent: { id: agent.id, name: agent.name, runtime: agent.runtime, labels: agent.labels },
});

export type Verdict =
  | { kind: 'allow' }
  | { kind: 'amend'; amend: TaskAmend; note: string | null }
  | { kind: 'veto'; reason: string }
  /** No usable answer: the hook's fail mode decides. */
  | { kind: 'failed'; error: string; timedOut: boolean };

const Label = z.string().min(1).max(256);
// Strict: an amend touching anything but labels, priority and a note (its agent, its capabilities…) is refused.
const Amend = z
  .object({
    labels: z.record(Label, z.string().max(1_024)).optional(),
    priority: z.enum(PRIORITIES).optional(),
    note: z.string().max(1_000).optional(),
  })
  .strict();
const Answer = z.union([
  z.object({ allow: z.literal(true), amend: Amend.optional() }).strict(),
  z.object({ allow: z.literal(false), reason: z.string().max(1_000).optional() }).strict(),
]);

/** Reads a hook's answer; anything not exactly one of the three shapes is a failure. */
export function parseAnswer(raw: unknown): Verdict {
  const parsed = Answer.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    return { kind: 'failed', error: `malformed answer (${where}${issue?.message ?? 'invalid'})`, timedOut: false };
  }
  const a = parsed.data;
  if (!a.allow) return { kind: 'veto', reason: a.reason?.trim() || 'no reason given' };
  if (!a.amend) return { kind: 'allow' };
  const { note, ...amend } = a.amend;
  return { kind: 'amend', amend, note: note ?? null };
}
