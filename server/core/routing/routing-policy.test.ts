import { describe, expect, it } from 'vitest';
import type { RoutingStrategy } from '../balancing/strategy';
import type { Store } from '../ports';
import type { RoutingChange } from './ports';
import { silentLogger } from '../testing/fakes';
import { RoutingPolicy } from './routing-policy';
import { userContext, userRef } from '../testing/actors';

function memoryRoutingStore() {
  const changes: RoutingChange[] = [];
  const store = {
    routing: {
      current: async (scope: string) => [...changes].reverse().find((c) => c.scope === scope) ?? null,
      record: async (c: Omit<RoutingChange, 'id' | 'changedAt'>) => {
        const row = { ...c, id: changes.length + 1, changedAt: 1_000 + changes.length };
        changes.push(row);
        return row;
      },
      history: async (limit: number) => [...changes].reverse().slice(0, limit),
    },
  } as unknown as Store;
  return { store, changes };
}

describe('routing policy', () => {
  it('records a change and applies a fresh strategy', async () => {
    const { store, changes } = memoryRoutingStore();
    const applied: RoutingStrategy[] = [];
    const policy = new RoutingPolicy(store, silentLogger, (s) => applied.push(s));
    expect(policy.current()).toMatchObject({ strategy: 'composite', changedBy: null });
    const state = await policy.set(userContext('ops'), {
      strategy: { name: 'context-affinity', weights: { stickyMs: 5_000 } },
    });
    expect(state).toMatchObject({
      strategy: 'context-affinity',
      weights: { stickyMs: 5_000 },
      changedBy: userRef('ops'),
      changedAt: 1_000,
    });
    expect(applied.map((s) => s.name)).toEqual(['context-affinity']);
    expect(changes).toHaveLength(1);
  });

  it('loads the stored policy, as a replica that did not make the change', async () => {
    const { store } = memoryRoutingStore();
    await new RoutingPolicy(store, silentLogger, () => {}).set(userContext('ops'), {
      strategy: { name: 'power-of-two' },
    });
    const applied: string[] = [];
    const other = new RoutingPolicy(store, silentLogger, (s) => applied.push(s.name));
    await other.load();
    expect(applied).toEqual(['power-of-two']);
    expect(other.current()).toMatchObject({ strategy: 'power-of-two', changedBy: userRef('ops') });
  });

  it('keeps the default when the stored strategy is unknown to this version', async () => {
    const { store, changes } = memoryRoutingStore();
    changes.push({
      id: 1,
      scope: 'global',
      strategy: 'from-the-future',
      weights: {},
      changedBy: userRef('ops'),
      changedAt: 1,
    });
    const applied: string[] = [];
    const policy = new RoutingPolicy(store, silentLogger, (s) => applied.push(s.name));
    await policy.load();
    expect(applied).toEqual([]);
    expect(policy.current().strategy).toBe('composite');
  });
});
