import type { Agent, Task } from '../model';
import type { Logger } from '../ports';
import type { ScreenResult } from '../scheduler/screen-plans';
import type { HookStore } from './ports';
import type { PreAssignGate } from './pre-assign-gate';
import { HOLD_BACKOFF } from './reviewer';

/**
 * The dispatcher's pre-assignment step: the gate's outcomes turned into writes. A held task is
 * kept from dispatch (backoff in the database, so no replica asks again before it ends); an
 * amend is written before the assignment; a task allowed after a hold says so in its record.
 */
export function createAssignmentScreen(
  gate: PreAssignGate,
  hooks: HookStore,
  log: Logger,
  backoff: { baseMs: number; maxMs: number } = HOLD_BACKOFF,
) {
  return async (items: { task: Task; agent: Agent }[]): Promise<ScreenResult[] | null> => {
    const outcomes = await gate.review(items);
    if (!outcomes) return null;
    const results = await Promise.all(
      items.map(async ({ task }, i): Promise<ScreenResult> => {
        const o = outcomes[i];
        try {
          if (o.kind === 'hold') {
            const until = await hooks.hold(task.id, o.reason, backoff);
            log.info({ taskId: task.id, reason: o.reason, until }, 'assignment held back by a pre-assignment hook');
            return { keep: false, note: null };
          }
          if (o.amend) {
            if (!(await hooks.amend(task.id, o.amend))) return { keep: false, note: null };
            // What the agent is handed (a poll waiting here) carries the amended task.
            if (o.amend.priority) task.priority = o.amend.priority;
            if (o.amend.labels) task.labels = { ...task.labels, ...o.amend.labels };
          }
          const earlier = task.hookHold ? `earlier ${task.hookHold.reason}` : null;
          const note = [earlier, o.note].filter(Boolean).join('; ');
          return { keep: true, note: note || null };
        } catch (err) {
          // The write failed: leave the task queued for the next pass rather than assign unreviewed.
          log.error({ err, taskId: task.id }, 'recording a pre-assignment outcome failed');
          return { keep: false, note: null };
        }
      }),
    );
    return results;
  };
}
