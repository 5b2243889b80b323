import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { tasks } from '@/db/schema';
import { priorityRank } from '@/server/core/model';
import type { TaskStore } from '@/server/core/tasks/ports';
import type { createDependencyWrites } from './dependency-writes';
import { readStatuses } from './queue-reads';
import { rows } from './rows';
import { invalid } from '@/server/core/errors';

/** Submission: all or nothing, idempotency keys deduplicated, dependents blocked until their dependencies succeed. */
export function createTaskInsert(db: Db, dependents: ReturnType<typeof createDependencyWrites>): TaskStore['insert'] {
  return async (specs) => {
    // The same idempotency key twice in one batch names one task.
    const firstByKey = new Map<string, string>();
    const fresh = specs.filter((s) => {
      if (!s.idempotencyKey) return true;
      if (firstByKey.has(s.idempotencyKey)) return false;
      firstByKey.set(s.idempotencyKey, s.id);
      return true;
    });
    const depIds = [...new Set(fresh.flatMap((s) => s.dependsOn))];
    const now = new Date();
    const result = await db.transaction(async (tx) => {
      const depStatus = await readStatuses(tx as unknown as Db, depIds);
      const unknown = depIds.find((id) => !depStatus.has(id));
      // Checked before; a dependency deleted since is still the caller's error, not a 500.
      if (unknown) throw invalid(`dependsOn: task ${unknown} does not exist`, { dependsOn: unknown });
      const inserted = await tx
        .insert(tasks)
        .values(
          fresh.map((s) => ({
            id: s.id,
            title: s.title,
            payload: s.payload,
            capabilities: s.capabilities,
            priority: priorityRank(s.priority),
            status: s.dependsOn.every((d) => depStatus.get(d) === 'succeeded') ? 'queued' : 'blocked',
            maxAttempts: s.maxAttempts,
            contextKey: s.contextKey,
            idempotencyKey: s.idempotencyKey,
            timeoutMs: s.timeoutMs,
            submittedBy: s.submittedBy,
            project: s.project,
            concurrencyKey: s.concurrencyKey,
            concurrencyLimit: s.concurrencyLimit,
            dependsOn: s.dependsOn.length ? s.dependsOn : null,
            // Queue time from the database clock, which ageing compares it with; creation time stays in
            // milliseconds, as list cursors carry it.
            createdAt: now,
            queuedAt: sql`now()`,
          })),
        )
        .onConflictDoNothing({ target: tasks.idempotencyKey })
        .returning({ id: tasks.id, status: tasks.status });
      const created = new Set(inserted.map((r) => r.id));
      const missingKeys = fresh.filter((s) => !created.has(s.id) && s.idempotencyKey).map((s) => s.idempotencyKey!);
      const existing = new Map<string, string>();
      if (missingKeys.length) {
        const found = await rows<{ id: string; idempotency_key: string }>(
          tx as unknown as Db,
          sql`select id, idempotency_key from tasks where idempotency_key in (${sql.join(
            missingKeys.map((k) => sql`${k}`),
            sql`, `,
          )})`,
        );
        for (const f of found) existing.set(f.idempotency_key, f.id);
      }
      const ids = specs.map((s) => {
        if (!s.idempotencyKey) return s.id;
        const first = firstByKey.get(s.idempotencyKey)!;
        return created.has(first) ? first : (existing.get(s.idempotencyKey) ?? first);
      });
      return { ids, created: [...created], blocked: inserted.filter((r) => r.status === 'blocked').map((r) => r.id) };
    });
    // A dependency may have finished after we read its status: settle once this insert is visible.
    await dependents.tasks(result.blocked);
    return { ids: result.ids, created: result.created };
  };
}
