import { type RequestContext, systemContext } from '@/server/core/access/request-context';
import type { Assignment, Priority } from '@/server/core/model';
import type { Logger } from '@/server/core/ports';
import type { Orchestrator } from '@/server/core/orchestrator';
import { CODING_RUNTIMES } from '@/server/core/shared/agent-adapters';

const SKILLS = ['typescript', 'python', 'review', 'docs', 'tests'];
const RUNTIMES = CODING_RUNTIMES;
const WORK = [
  'Fix flaky test in checkout flow',
  'Add pagination to /users endpoint',
  'Review PR: migrate to ESM',
  'Write docs for the CLI',
  'Refactor billing module',
  'Bump dependencies and fix breakage',
  'Add retry to webhook sender',
  'Type the config loader',
  'Port script to Python 3.12',
  'Investigate memory leak in worker',
  'Add e2e test for sign-up',
  'Summarise incident report',
];
const PRIORITY_MIX: Priority[] = [
  'critical',
  'high',
  'high',
  'normal',
  'normal',
  'normal',
  'normal',
  'low',
  'low',
  'background',
];
const pick = <T>(xs: T[]): T => xs[Math.floor(Math.random() * xs.length)];

/** A simulated pool the demo's bursts of migration tasks scale from 0 and back, rate limits and all. */
const DEMO_POOL = {
  name: 'demo-migrations',
  capabilities: ['migration'],
  provider: 'simulated' as const,
  adapter: 'claude' as const,
  providerSettings: {
    latencyMs: { min: 3_000, max: 8_000 },
    failureRate: 0.03,
    rateLimitRate: 0.08,
    rateLimitMs: 20_000,
    waitingForInputRate: 0.05,
    contextPerTask: 40_000,
  },
  minSize: 0,
  maxSize: 4,
  targetBacklogPerAgent: 3,
  idleTimeoutMs: 45_000,
  scaleUpCooldownMs: 5_000,
  scaleDownCooldownMs: 20_000,
};
const BURST_EVERY_MS = 150_000;
const MODULES = [
  'auth',
  'billing',
  'search',
  'checkout',
  'notifications',
  'reports',
  'uploads',
  'admin',
  'settings',
  'webhooks',
];

/**
 * Simulated agents and a trickle of tasks, so a first start shows a live fleet. The agents use
 * the same core calls as HTTP agents: register, heartbeat, poll, start, progress, complete.
 * A simulated pool takes bursts of migration tasks, so the autoscaler is seen at work too.
 */
export class DemoFleet {
  private running = false;
  private loops: Promise<void>[] = [];
  private timers: ReturnType<typeof setInterval>[] = [];
  private abort = new AbortController();
  /** Tasks each demo agent is working on, for the activity its heartbeats report. */
  private working = new Map<string, number>();

  /** The demo acts as itself: its tasks and pool say they came from the demo. */
  private readonly req: RequestContext;

  constructor(
    private readonly core: Orchestrator,
    private readonly log: Logger,
    private readonly opts: { agents: number; tasksPerMinute: number },
  ) {
    this.req = systemContext('demo', log);
  }

  async start(): Promise<void> {
    this.running = true;
    for (let i = 0; i < this.opts.agents; i++) {
      const skills = [SKILLS[i % SKILLS.length], SKILLS[(i + 2) % SKILLS.length]];
      const runtime = RUNTIMES[i % RUNTIMES.length];
      const { agentId } = await this.core.registry.register({
        name: `demo-${runtime}-${i + 1}`,
        runtime,
        maxConcurrency: 1 + (i % 2),
        capabilities: skills.map((s, k) => ({ name: s, level: k === 0 ? 0.9 : 0.6 })),
        labels: { fleet: 'demo' },
        contextWindow: 200_000,
      });
      await this.core.registry.heartbeat(agentId, { load: 0, contextUsed: 0, activity: { state: 'idle' } });
      this.timers.push(
        setInterval(() => {
          const activity = { state: (this.working.get(agentId) ?? 0) > 0 ? ('working' as const) : ('idle' as const) };
          void this.core.registry
            .heartbeat(agentId, {
              load: Math.random() * 0.5,
              contextUsed: Math.floor(Math.random() * 150_000),
              activity,
            })
            .catch(() => {});
        }, this.core.heartbeatPolicy.intervalMs),
      );
      for (let slot = 0; slot < 1 + (i % 2); slot++) this.loops.push(this.agentLoop(agentId));
    }
    if (this.opts.tasksPerMinute > 0) {
      this.timers.push(setInterval(() => void this.submitOne(), 60_000 / this.opts.tasksPerMinute));
      for (let i = 0; i < 5; i++) await this.submitOne();
      if (await this.ensurePool()) {
        this.timers.push(
          setTimeout(() => void this.burst(), 5_000),
          setInterval(() => void this.burst(), BURST_EVERY_MS),
        );
      }
    }
    for (const t of this.timers) t.unref?.();
    this.log.info({ agents: this.opts.agents, tasksPerMinute: this.opts.tasksPerMinute }, 'demo fleet started');
  }

  async stop(): Promise<void> {
    this.running = false;
    this.abort.abort();
    for (const t of this.timers) clearInterval(t);
    await Promise.allSettled(this.loops);
  }

  private async submitOne(): Promise<void> {
    const skill = pick(SKILLS);
    await this.core.tasks
      .submit(this.req, {
        title: pick(WORK),
        capabilities: [skill],
        priority: pick(PRIORITY_MIX),
        payload: { demo: true, skill },
      })
      .catch((err) => this.log.warn({ err: (err as Error).message }, 'demo submit failed'));
  }

  /** The demo pool, created on first start (kept, as an operator may have changed it since). */
  private async ensurePool(): Promise<boolean> {
    try {
      if (!(await this.core.pools.list()).some((p) => p.name === DEMO_POOL.name))
        await this.core.pools.create(this.req, DEMO_POOL);
      return true;
    } catch (err) {
      this.log.warn({ err: (err as Error).message }, 'demo pool not created');
      return false;
    }
  }

  private async burst(): Promise<void> {
    const n = 6 + Math.floor(Math.random() * 5);
    const tasks = Array.from({ length: n }, () => {
      const module = pick(MODULES);
      return {
        title: `Migrate ${module} to the v2 API client`,
        capabilities: ['migration'],
        priority: pick(PRIORITY_MIX),
        payload: { demo: true, module },
      };
    });
    await this.core.tasks
      .submit(this.req, { tasks })
      .catch((err) => this.log.warn({ err: (err as Error).message }, 'demo burst failed'));
  }

  private async agentLoop(agentId: string): Promise<void> {
    while (this.running) {
      try {
        const work = await this.core.work.poll(agentId, { waitMs: 10_000 }, this.abort.signal);
        if (work) await this.perform(agentId, work);
      } catch (err) {
        if (!this.running) return;
        this.log.warn({ err: (err as Error).message, agentId }, 'demo agent error');
        await sleep(1_000);
      }
    }
  }

  private async perform(agentId: string, work: Assignment): Promise<void> {
    this.working.set(agentId, (this.working.get(agentId) ?? 0) + 1);
    try {
      await this.work(agentId, work);
    } finally {
      this.working.set(agentId, (this.working.get(agentId) ?? 1) - 1);
    }
  }

  private async work(agentId: string, work: Assignment): Promise<void> {
    const lease = { taskId: work.taskId, leaseToken: work.leaseToken };
    await this.core.work.start(agentId, lease);
    const steps = ['reading the repository', 'planning changes', 'editing files', 'running tests'];
    for (let i = 0; i < steps.length && this.running; i++) {
      await sleep(400 + Math.random() * 1_600);
      await this.core.work.progress(agentId, {
        ...lease,
        message: steps[i],
        percent: Math.round(((i + 1) / (steps.length + 1)) * 100),
      });
    }
    if (!this.running) return;
    if (Math.random() < 0.06)
      await this.core.work.fail(agentId, { ...lease, error: 'tests failed after edit', retryable: true });
    else
      await this.core.work.complete(agentId, {
        ...lease,
        result: { summary: `done: ${work.title}`, filesChanged: 1 + Math.floor(Math.random() * 6) },
      });
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
