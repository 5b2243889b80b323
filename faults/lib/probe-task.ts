import type { Api } from '../../bench/lib/api';
import type { LiveEvent } from './live-events';
import { sleep } from './wait';

export interface Probe {
  id: string;
  /** When the submission that was stored was sent (ms). */
  sentAt: number;
}

/**
 * One task with a capability no agent has, so it stays queued and the scenario's own tasks are
 * untouched: a state change the harness makes itself, to watch it travel. Retried for 5 s (a
 * service is down on purpose); the idempotency key keeps a retried submission single.
 */
export async function submitProbe(api: Api, token: string, label: string): Promise<Probe> {
  const task = {
    title: `faults probe ${label}`,
    payload: { probe: label },
    capabilities: [`faults-probe-${label}`],
    priority: 'normal',
    idempotencyKey: `faults:probe:${label}`,
  };
  const deadline = Date.now() + 5_000;
  for (;;) {
    const sentAt = Date.now();
    try {
      const { ids } = await api.mutate<{ ids: string[] }>('tasks.submit', { tasks: [task] }, token);
      return { id: ids[0], sentAt };
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await sleep(200);
    }
  }
}

/** The probe's `task:submitted` among a stream's events. */
export const probeSubmitted = (events: readonly LiveEvent[], probe: Probe) =>
  events.find((e) => e.name === 'task:submitted' && e.taskIds.includes(probe.id));

/** Takes the probe out of the queue; best-effort (it only tidies the scratch database). */
export async function cancelProbe(api: Api, token: string, probe: Probe): Promise<void> {
  await api.mutate('tasks.cancel', { id: probe.id }, token).catch(() => undefined);
}
