import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import type { RecordedDecisionInput } from '@/server/core/balancing/what-if';
import { NEUTRAL_SIGNALS } from '@/server/core/balancing/strategy';
import { priorityName, type CandidateScore } from '@/server/core/model';
import { unpackReplayInputs } from './replay-inputs';
import { fromJson, ms, rows } from './rows';

/**
 * The newest `limit` decisions that carry replay inputs, oldest first, each joined with its
 * task as it was queued for that attempt: the what-if replay's input.
 */
export async function readDecisionInputs(db: Db, limit: number): Promise<RecordedDecisionInput[]> {
  const found = await rows(
    db,
    sql`
    select d.id, d.task_id, d.decided_at, d.winner_agent_id, d.candidates, d.inputs,
           t.capabilities, t.priority, t.context_key, coalesce(a.queued_at, t.queued_at) as queued_at
    from assignment_decisions d
    join tasks t on t.id = d.task_id
    left join task_attempts a on a.task_id = d.task_id and a.attempt = d.attempt
    where d.inputs is not null
    order by d.decided_at desc limit ${limit}`,
  );
  return found.reverse().map((r) => {
    const snapshot = new Map(unpackReplayInputs(r.inputs).map((s) => [s.agentId, s]));
    return {
      decisionId: r.id as string,
      taskId: r.task_id as string,
      task: {
        capabilities: fromJson<string[]>(r.capabilities) ?? [],
        priority: priorityName(Number(r.priority)),
        contextKey: (r.context_key ?? null) as string | null,
        queuedAt: ms(r.queued_at) ?? 0,
      },
      decidedAt: ms(r.decided_at) ?? 0,
      winnerAgentId: r.winner_agent_id as string,
      candidates: fromJson<CandidateScore[]>(r.candidates).map((c) => ({
        agentId: c.agentId,
        agentName: c.agentName,
        activeTasks: c.activeTasks,
        maxConcurrency: c.maxConcurrency,
        capabilities: snapshot.get(c.agentId)?.capabilities ?? [],
        signals: snapshot.get(c.agentId)?.signals ?? NEUTRAL_SIGNALS,
      })),
    };
  });
}
