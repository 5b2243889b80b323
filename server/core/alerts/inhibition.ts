import type { AlertChange, AlertRule, AlertState, AlertStep, Alert } from './alert-model';

type StepOf = (a: Alert, kind: string, reason: string, to?: AlertState) => AlertStep;

const active = (a: Alert) => a.state === 'firing' || a.state === 'acknowledged';

/**
 * Alerts that only repeat what a bigger one says are marked `inhibited_by` it (and do not
 * notify): an offline agent's alert covers that agent's breaker and unhealthy alerts; an open
 * runtime breaker covers the per-agent breakers of that runtime.
 */
export function applyInhibition(changes: AlertChange[], rules: ReadonlyMap<string, AlertRule>, step: StepOf): void {
  const metricOf = (a: Alert) => rules.get(a.ruleId)?.metric;
  const offline = new Map<string, Alert>();
  const runtimeBreakers = new Map<string, Alert>();
  for (const { alert: a } of changes) {
    if (!active(a)) continue;
    if (metricOf(a) === 'agent_offline' && a.labels.agent_id) offline.set(a.labels.agent_id, a);
    if (metricOf(a) === 'breaker_open' && a.labels.breaker === 'runtime' && a.labels.runtime)
      runtimeBreakers.set(a.labels.runtime, a);
  }
  for (const c of changes) {
    const a = c.alert;
    if (a.state === 'resolved') continue;
    const metric = metricOf(a);
    const agentBreaker = metric === 'breaker_open' && a.labels.breaker === 'agent';
    let by: Alert | undefined;
    let why = '';
    if ((metric === 'agent_unhealthy' || agentBreaker) && offline.has(a.labels.agent_id ?? '')) {
      by = offline.get(a.labels.agent_id);
      why = `agent ${a.labels.agent ?? a.labels.agent_id} is offline`;
    } else if (agentBreaker && runtimeBreakers.has(a.labels.runtime ?? '')) {
      by = runtimeBreakers.get(a.labels.runtime);
      why = `the breaker of runtime ${a.labels.runtime} is open`;
    }
    if (by && a.inhibitedBy !== by.id) {
      c.steps.push(step(a, 'inhibited', `${why} (alert ${by.id})`));
      a.inhibitedBy = by.id;
    } else if (!by && a.inhibitedBy) {
      c.steps.push(step(a, 'uninhibited', `alert ${a.inhibitedBy} no longer covers it`));
      a.inhibitedBy = null;
    }
  }
}
