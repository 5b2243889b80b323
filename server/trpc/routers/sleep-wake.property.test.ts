import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '@/server/core/shared/random';
import { adminPrincipal, callerAs, registerAgent, startTestRuntime } from '@/server/testing/test-runtime';
import { userContext } from '@/server/core/testing/actors';

let rt: Awaited<ReturnType<typeof startTestRuntime>>;
beforeAll(async () => {
  rt = await startTestRuntime({ LOG_LEVEL: 'error', FLIGHTDECK_AUTOSCALE_INTERVAL_MS: '600000' });
});
afterAll(async () => {
  await rt.dispose();
});

const admin = () => callerAs(rt, adminPrincipal);
type Agent = Awaited<ReturnType<typeof registerAgent>>;

/** Active tasks held by agents that are asleep or gone: must always be none. */
async function violations(): Promise<{ task: string; agent: string; status: string }[]> {
  const res = (await rt.database.db.execute(sql`
    select t.id as task, a.name as agent, a.status from tasks t join agents a on a.id = t.agent_id
    where t.status in ('assigned', 'running') and a.status in ('sleeping', 'terminated')`)) as unknown as {
    rows: { task: string; agent: string; status: string }[];
  };
  return res.rows;
}

describe('sleep, wake and scale never meet an assignment', () => {
  it('under random sleep/wake/scale/terminate events racing dispatch and completions, no task is held by a sleeping or terminated agent', async () => {
    for (const seed of [1, 2, 3]) {
      const random = seededRandom(seed);
      const pick = <T>(xs: readonly T[]): T | undefined => xs[Math.floor(random() * xs.length)];
      const cap = `prop-${seed}`;
      const agents: Agent[] = [];
      let registered = 0;
      const scaleUp = async () => {
        const a = await registerAgent(rt, {
          name: `prop-${seed}-${registered++}`,
          capabilities: [cap],
          maxConcurrency: 1 + Math.floor(random() * 3),
        });
        await a.caller.agents.heartbeat({});
        agents.push(a);
      };
      for (let i = 0; i < 4; i++) await scaleUp();
      const slept = { ok: 0, refused: 0 };
      const ops: (() => Promise<unknown>)[] = [
        () => admin().tasks.submit({ title: 'prop work', capabilities: [cap] }),
        () => rt.core.dispatchNow(),
        () => rt.core.dispatchNow(),
        async () => {
          const a = pick(agents);
          if (!a) return;
          await rt.core.lifecycle.sleep(userContext('property'), a.agentId).then(
            () => slept.ok++,
            () => slept.refused++,
          );
        },
        async () => {
          const a = pick(agents);
          if (a) await rt.core.lifecycle.wake(userContext('property'), a.agentId).catch(() => {});
        },
        scaleUp,
        async () => {
          // Scale down: one agent leaves for good; its work goes back to the queue.
          const i = Math.floor(random() * agents.length);
          const [a] = agents.splice(i, 1);
          if (a) await rt.core.lifecycle.terminate(userContext('property'), a.agentId);
        },
        async () => {
          // An agent takes what it was given and finishes it.
          const a = pick(agents);
          if (!a) return;
          const { assignments } = await a.caller.work
            .pollBatch({ waitMs: 0, max: 5, start: true })
            .catch(() => ({ assignments: [] }));
          for (const w of assignments)
            await a.caller.work.complete({ taskId: w.taskId, leaseToken: w.leaseToken }).catch(() => {});
        },
      ];
      for (let round = 0; round < 40; round++) {
        const batch = Array.from({ length: 3 + Math.floor(random() * 5) }, () => pick(ops)!);
        await Promise.all(batch.map((op) => op()));
        expect(await violations(), `seed ${seed}, round ${round}`).toEqual([]);
      }
      // The run did put agents to sleep and had sleeps refused for holding work: both paths were exercised.
      expect(slept.ok, `seed ${seed}`).toBeGreaterThan(0);
      expect(slept.refused, `seed ${seed}`).toBeGreaterThan(0);
    }
  });

  it('a sleep racing a dispatch pass either wins (nothing assigned) or refuses (the agent keeps its task)', async () => {
    for (let i = 0; i < 25; i++) {
      const a = await registerAgent(rt, { name: `race-${i}`, capabilities: [`race-${i}`] });
      await a.caller.agents.heartbeat({});
      const { ids } = await admin().tasks.submit({ title: 'race', capabilities: [`race-${i}`] });
      const [sleep] = await Promise.allSettled([
        rt.core.lifecycle.sleep(userContext('race'), a.agentId),
        rt.core.dispatchNow(),
      ]);
      const agent = await rt.core.registry.get(a.agentId);
      const task = await rt.core.tasks.get(ids[0]);
      if (sleep.status === 'fulfilled') {
        expect(agent.status).toBe('sleeping');
        expect(task.status).toBe('queued');
        // The decision (if any) names why it was skipped.
        const why = await admin().tasks.whyPending({ id: ids[0] });
        expect(why?.message).toMatch(/sleeping/);
      } else {
        expect(task.status).toBe('assigned');
        expect(task.agentId).toBe(a.agentId);
        expect(String(sleep.reason)).toMatch(/holds 1 task; drain it first/);
      }
      expect(await violations()).toEqual([]);
    }
  });
});
