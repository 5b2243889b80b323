import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import type { Task } from '@/server/core/model';
import type { LeasePolicy } from '@/server/core/work/lease-policy';
import { Batcher } from './batcher';
import type { createDependencyWrites } from './dependency-writes';
import { json, rows, toTask } from './rows';

interface LeaseRef {
  taskId: string;
  agentId: string;
  leaseToken: string;
}
type Success = LeaseRef & { result: unknown };
type Failure = LeaseRef & { error: string; retry: boolean };

const key = (id: unknown, agent: unknown, lease: unknown) => `${id}|${agent}|${lease}`;
const LEASE_MATCH = sql`t.id = v.id and t.agent_id = v.agent_id and t.lease_token = v.lease and t.status in ('assigned', 'running')`;

/** Runs a batched lease-checked update and gives each caller its task, or null when its lease did not match. */
async function applyBatch<T extends LeaseRef>(
  db: Db,
  items: T[],
  values: (i: T) => SQL,
  columns: SQL,
  update: SQL,
  attemptStatus: SQL,
): Promise<(Task | null)[]> {
  const found = await rows(
    db,
    sql`
    with v(${columns}) as (values ${sql.join(items.map(values), sql`, `)}),
    t as (update tasks t set ${update} from v where ${LEASE_MATCH} returning t.*, v.lease as matched_lease, v.agent_id as matched_agent),
    a as (update task_attempts x set ${attemptStatus} from t where x.task_id = t.id and x.attempt = t.attempt)
    select * from t`,
  );
  const byKey = new Map(found.map((r) => [key(r.id, r.matched_agent, r.matched_lease), toTask(r)]));
  return items.map((i) => byKey.get(key(i.taskId, i.agentId, i.leaseToken)) ?? null);
}

/** Settles the dependents of the tasks this batch finished, once the batch has committed. */
async function settling(
  found: Promise<(Task | null)[]>,
  dependents: ReturnType<typeof createDependencyWrites>,
): Promise<(Task | null)[]> {
  const tasks = await found;
  await dependents.dependentsOf(
    tasks
      .filter((t) => t && (t.status === 'succeeded' || t.status === 'failed' || t.status === 'dead-lettered'))
      .map((t) => t!.id),
  );
  return tasks;
}

/** Full jitter in SQL (the same rule as the core's `retryDelayMs`): uniform in [0, min(cap, base·factor^(attempt−1))] ms. */
export const retryDelay = (policy: LeasePolicy, attempt: SQL) =>
  sql`(random() * least(${policy.retry.capMs}::float8, ${policy.retry.baseMs}::float8 * power(${policy.retry.factor}::float8, greatest(${attempt}, 1) - 1))) * interval '1 millisecond'`;

/** The agent's lease-bearing writes (start, complete, fail), each batched with concurrent calls. */
export function createLeaseWrites(db: Db, dependents: ReturnType<typeof createDependencyWrites>, policy: LeasePolicy) {
  const stall = sql`now() + ${policy.stallTimeoutMs}::int * interval '1 millisecond'`;
  const starts = new Batcher<LeaseRef, Task | null>((items) =>
    applyBatch(
      db,
      items,
      (i) => sql`(${i.taskId}, ${i.agentId}, ${i.leaseToken})`,
      sql`id, agent_id, lease`,
      sql`status = 'running', started_at = coalesce(t.started_at, now()), last_progress_at = now(), lease_expires_at = ${stall}`,
      sql`status = 'running', started_at = coalesce(x.started_at, now())`,
    ),
  );

  const successes = new Batcher<Success, Task | null>((items) =>
    settling(
      applyBatch(
        db,
        items,
        (i) => sql`(${i.taskId}, ${i.agentId}, ${i.leaseToken}, ${json(i.result)})`,
        sql`id, agent_id, lease, result`,
        sql`status = 'succeeded', result = v.result::jsonb, error = null, finished_at = now(), progress_percent = 100, lease_expires_at = null`,
        sql`status = 'succeeded', finished_at = now()`,
      ),
      dependents,
    ),
  );

  // Retryable with attempts left: back off, then the queue; retryable but used up: dead letters; not retryable: failed.
  const retry = sql`(v.retry and t.attempt < t.max_attempts)`;
  const failures = new Batcher<Failure, Task | null>((items) =>
    settling(
      applyBatch(
        db,
        items,
        (i) => sql`(${i.taskId}, ${i.agentId}, ${i.leaseToken}, ${i.error}, ${i.retry}::boolean)`,
        sql`id, agent_id, lease, error, retry`,
        sql`status = case when ${retry} then 'retry-wait' when v.retry then 'dead-lettered' else 'failed' end,
        retry_at = case when ${retry} then now() + ${retryDelay(policy, sql`t.attempt`)} end,
        agent_id = case when ${retry} then null else t.agent_id end,
        lease_token = case when ${retry} then null else t.lease_token end,
        lease_expires_at = null,
        finished_at = case when ${retry} then null else now() end,
        error = v.error`,
        sql`status = 'failed', finished_at = now(), error = t.error`,
      ),
      dependents,
    ),
  );

  return {
    start: (taskId: string, agentId: string, leaseToken: string) => starts.run({ taskId, agentId, leaseToken }),
    succeed: (ref: Success) => successes.run(ref),
    fail: (ref: Failure) => failures.run(ref),
  };
}
