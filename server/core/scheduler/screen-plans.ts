import type { Agent, Task } from '../model';
import type { PlannedAssignment } from '../tasks/ports';

/** A pre-assignment review's word on one assignment: commit it (with a note for its record) or not. */
export interface ScreenResult {
  keep: boolean;
  note: string | null;
}

/** Reviews a pass's assignments; null when nothing reviews them. Holds and amends are its own writes. */
export type AssignmentScreen = (items: { task: Task; agent: Agent }[]) => Promise<ScreenResult[] | null>;

/** The plans the screen lets through, each decision carrying the screen's note. */
export async function screenPlans(
  screen: AssignmentScreen,
  plans: PlannedAssignment[],
  tasks: readonly Task[],
  agents: ReadonlyMap<string, Agent>,
): Promise<PlannedAssignment[]> {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const results = await screen(plans.map((p) => ({ task: byId.get(p.taskId)!, agent: agents.get(p.taskId)! })));
  if (!results) return plans;
  return plans.filter((p, i) => {
    if (results[i].note) p.decision.hookNote = results[i].note;
    return results[i].keep;
  });
}
