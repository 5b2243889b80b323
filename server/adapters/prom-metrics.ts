import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { AGENT_STATES, PRIORITIES } from '@/server/core/model';
import type { Metrics, Store } from '@/server/core/ports';

/** Prometheus metrics: the core reports through the Metrics port, gauges read the store at scrape time. */
export class PromMetrics implements Metrics {
  readonly registry = new Registry();
  private readonly registrationSeconds = new Histogram({
    name: 'flightdeck_agent_registration_seconds',
    help: 'Time to register an agent, in the core',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25],
    registers: [this.registry],
  });
  private readonly dispatchSeconds = new Histogram({
    name: 'flightdeck_dispatch_latency_seconds',
    help: 'Time from a task being queued to its assignment',
    labelNames: ['priority'],
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [this.registry],
  });
  private readonly decisionSeconds = new Histogram({
    name: 'flightdeck_routing_decision_seconds',
    help: 'CPU time of one routing decision',
    buckets: [0.00001, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.01],
    registers: [this.registry],
  });
  private readonly submittedTotal = new Counter({
    name: 'flightdeck_tasks_submitted_total',
    help: 'Tasks submitted',
    registers: [this.registry],
  });
  private readonly finishedTotal = new Counter({
    name: 'flightdeck_tasks_finished_total',
    help: 'Tasks that reached a final state',
    labelNames: ['status'],
    registers: [this.registry],
  });
  private readonly requeuedTotal = new Counter({
    name: 'flightdeck_tasks_requeued_total',
    help: 'Tasks put back in the queue',
    labelNames: ['reason'],
    registers: [this.registry],
  });

  constructor(store: () => Store | null) {
    // Standard names (process_*, nodejs_*), as every Node exporter has them.
    collectDefaultMetrics({ register: this.registry });
    new Gauge({
      name: 'flightdeck_queue_depth',
      help: 'Queued tasks by priority',
      labelNames: ['priority'],
      registers: [this.registry],
      async collect() {
        const s = store();
        if (!s) return;
        const depth = await s.stats.queueDepth();
        for (const p of PRIORITIES) this.set({ priority: p }, depth[p]);
      },
    });
    new Gauge({
      name: 'flightdeck_agents',
      help: 'Agents by state',
      labelNames: ['state'],
      registers: [this.registry],
      async collect() {
        const s = store();
        if (!s) return;
        const counts = await s.stats.agentsByStatus();
        for (const st of AGENT_STATES) this.set({ state: st }, counts[st]);
      },
    });
  }

  registration(ms: number) {
    this.registrationSeconds.observe(ms / 1000);
  }
  dispatch(ms: number, priority: string) {
    this.dispatchSeconds.observe({ priority }, ms / 1000);
  }
  decision(us: number) {
    this.decisionSeconds.observe(us / 1e6);
  }
  submitted(count: number) {
    this.submittedTotal.inc(count);
  }
  finished(status: string) {
    this.finishedTotal.inc({ status });
  }
  requeued(reason: string) {
    this.requeuedTotal.inc({ reason: reason.startsWith('attempt') ? 'retry' : reason });
  }
}
