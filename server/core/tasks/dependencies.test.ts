import { describe, expect, it } from 'vitest';
import type { TaskState } from '../model';
import type { TaskStore } from './ports';
import { nullMetrics } from '../testing/fakes';
import { checkDependencies, settleBlockedTasks } from './dependencies';

function storeWith(
  statuses: Record<string, TaskState>,
  settled = { released: [] as string[], cancelled: [] as string[] },
): TaskStore {
  return {
    statuses: async (ids: string[]) => new Map(ids.filter((id) => statuses[id]).map((id) => [id, statuses[id]])),
    settleBlocked: async () => settled,
  } as unknown as TaskStore;
}

describe('checkDependencies', () => {
  const store = storeWith({ ok: 'succeeded', run: 'running', bad: 'failed', gone: 'cancelled' });

  it('accepts existing tasks that can still succeed', async () => {
    await expect(
      checkDependencies(store, [{ dependsOn: ['ok', 'run'] }, { dependsOn: [] }], true),
    ).resolves.toBeUndefined();
  });

  it('names the field of an unknown task, with the batch index when in a batch', async () => {
    await expect(checkDependencies(store, [{ dependsOn: ['ok', 'nope'] }], false)).rejects.toMatchObject({
      code: 'INVALID',
      message: 'dependsOn.1: task nope not found',
    });
    await expect(checkDependencies(store, [{ dependsOn: [] }, { dependsOn: ['nope'] }], true)).rejects.toMatchObject({
      message: 'tasks.1.dependsOn.0: task nope not found',
    });
  });

  it('refuses a dependency that already failed or was cancelled', async () => {
    await expect(checkDependencies(store, [{ dependsOn: ['bad', 'gone'] }], false)).rejects.toMatchObject({
      message:
        'dependsOn.0: task bad is failed, so this task could never run; dependsOn.1: task gone is cancelled, so this task could never run',
    });
  });

  it('names at most five problems', async () => {
    const err = await checkDependencies(
      store,
      [{ dependsOn: Array.from({ length: 8 }, (_, i) => `x${i}`) }],
      false,
    ).catch((e: Error) => e);
    expect((err as Error).message.split('; ')).toHaveLength(5);
  });
});

describe('settleBlockedTasks', () => {
  it('counts cascaded cancellations and wakes the dispatcher for released tasks', async () => {
    let kicks = 0;
    const out = await settleBlockedTasks(
      storeWith({}, { released: ['r1'], cancelled: ['c1', 'c2'] }),
      nullMetrics,
      () => kicks++,
    );
    expect(out).toEqual({ released: 1, cancelled: 2 });
    expect(kicks).toBe(1);
  });
});
