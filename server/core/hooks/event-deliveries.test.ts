import { describe, expect, it } from 'vitest';
import type { AnyBusEvent } from '../events';
import { DurableConsumer } from '../log/durable-consumer';
import { FakeClock, silentLogger } from '../testing/fakes';
import { MemoryDeliveries } from '../testing/memory-deliveries';
import { MemoryEventLog } from '../testing/memory-event-log';
import { MemoryHooks } from '../testing/memory-hooks';
import { createEventDeliveries } from './event-deliveries';
import type { NewHook } from './ports';

const hook = (id: string, patterns: string[], over: Partial<NewHook> = {}): NewHook => ({
  id,
  name: id,
  kind: 'event',
  url: `https://example.com/${id}`,
  patterns,
  timeoutMs: 10_000,
  failMode: 'open',
  enabled: true,
  createdBy: null,
  secret: `whsec_${id}`,
  ...over,
});

function setup() {
  const clock = new FakeClock();
  const log = new MemoryEventLog();
  const hooks = new MemoryHooks(() => clock.now());
  const queue = new MemoryDeliveries(() => clock.now());
  const events = createEventDeliveries(hooks, (rows) => queue.enqueue(rows), clock);
  const consumer = new DurableConsumer('hooks', log, (e) => events.handle(e), clock, silentLogger, { from: 'start' });
  const push = (name: string, payload: object) =>
    log.events.push({ id: String(log.events.length + 1), name, payload, at: clock.now() } as AnyBusEvent);
  return { clock, log, hooks, queue, events, consumer, push };
}

describe('hook event deliveries', () => {
  it('queues one delivery per matching enabled subscription, per subject, in log order', async () => {
    const s = setup();
    await s.hooks.create(hook('tasks', ['task:*']));
    await s.hooks.create(hook('failures', ['task:failed', 'breaker:opened']));
    await s.hooks.create(hook('off', ['*'], { enabled: false }));
    s.push('task:submitted', { taskIds: ['t1', 't2'], status: 'queued' });
    s.push('task:assigned', { taskId: 't1', agentId: 'a1', attempt: 1, delivered: false });
    s.push('task:completed', { taskId: 't1', agentId: 'a1', attempt: 1, status: 'failed' });
    s.push('agent:heartbeats', { agentIds: ['a1'] });
    await s.consumer.drain();

    const rows = s.queue.rows.map((d) => [d.targetId, d.subject, d.eventName, d.dedupeKey]);
    expect(rows).toEqual([
      ['tasks', 'task:t1', 'task:submitted', '1.0:task:submitted'],
      ['tasks', 'task:t2', 'task:submitted', '1.1:task:submitted'],
      ['tasks', 'task:t1', 'task:assigned', '2:task:assigned'],
      ['tasks', 'task:t1', 'task:failed', '3:task:failed'],
      ['failures', 'task:t1', 'task:failed', '3:task:failed'],
    ]);
    expect(JSON.parse(s.queue.rows[3].body)).toEqual({
      id: '3',
      event: 'task:failed',
      at: new Date(s.clock.now()).toISOString(),
      subject: 'task:t1',
      data: { taskId: 't1', agentId: 'a1', attempt: 1, status: 'failed' },
    });
    // Per (target, subject), only the oldest pending one is due: t1's events go one after another.
    expect((await s.queue.due(10)).map((d) => [d.targetId, d.subject, d.eventName])).toEqual([
      ['tasks', 'task:t1', 'task:submitted'],
      ['tasks', 'task:t2', 'task:submitted'],
      ['failures', 'task:t1', 'task:failed'],
    ]);
  });

  it('adds nothing when a batch is read again (a crash before the cursor moved)', async () => {
    const s = setup();
    await s.hooks.create(hook('all', ['*']));
    s.push('agent:registered', { agentId: 'a1', name: 'w1', reregistered: false });
    s.push('cluster:leader-changed', { holder: 'r2', epoch: 2, previous: 'r1' });
    await s.consumer.drain();
    s.log.cursors.set('hooks', 0);
    await s.consumer.drain();
    expect(s.queue.rows.map((d) => d.subject)).toEqual(['agent:a1', 'cluster']);
  });

  it('sees a subscription created on this replica at once after invalidate', async () => {
    const s = setup();
    s.push('agent:registered', { agentId: 'a1', name: 'w1', reregistered: false });
    await s.consumer.drain();
    await s.hooks.create(hook('late', ['agent:*']));
    s.events.invalidate();
    s.push('agent:deregistered', { agentId: 'a1' });
    await s.consumer.drain();
    expect(s.queue.rows.map((d) => d.eventName)).toEqual(['agent:deregistered']);
  });
});
