import { describe, expect, it } from 'vitest';
import type { AnyBusEvent } from '../events';
import { FakeClock, silentLogger } from '../testing/fakes';
import { MemoryEventLog } from '../testing/memory-event-log';
import { DurableConsumer } from './durable-consumer';

const consumer = (log: MemoryEventLog, handle: (e: AnyBusEvent) => Promise<void>, from: 'end' | 'start' = 'start') =>
  new DurableConsumer('webhooks', log, handle, new FakeClock(), silentLogger, { batch: 2, from });

describe('durable consumer', () => {
  it('handles every event after its stored cursor, batch by batch, and moves the cursor', async () => {
    const log = new MemoryEventLog();
    log.append('a', 'b', 'c', 'd', 'e');
    const seen: string[] = [];
    await consumer(log, async (e) => void seen.push(e.id)).drain();
    expect(seen).toEqual(['1', '2', '3', '4', '5']);
    expect(log.cursors.get('webhooks')).toBe(5);
    log.append('f');
    // A new process (another replica, a restart) goes on from the stored cursor.
    await consumer(log, async (e) => void seen.push(e.id)).drain();
    expect(seen).toEqual(['1', '2', '3', '4', '5', '6']);
  });

  it('a new consumer starts at the end of the log unless told to read it from the start', async () => {
    const log = new MemoryEventLog();
    log.append('a', 'b');
    const seen: string[] = [];
    await consumer(log, async (e) => void seen.push(e.id), 'end').drain();
    expect(seen).toEqual([]);
    log.append('c');
    await consumer(log, async (e) => void seen.push(e.id), 'end').drain();
    expect(seen).toEqual(['3']);
  });

  it('keeps what was handled when an event fails, and retries that event before anything after it', async () => {
    const log = new MemoryEventLog();
    log.append('a', 'b', 'c');
    const seen: string[] = [];
    let failOn: string | null = '2';
    const c = consumer(log, async (e) => {
      if (e.id === failOn) throw new Error('receiver down');
      seen.push(e.id);
    });
    await expect(c.drain()).rejects.toThrow('receiver down');
    expect(log.cursors.get('webhooks')).toBe(1);
    failOn = null;
    await c.drain();
    expect(seen).toEqual(['1', '2', '3']);
  });

  it('stops when another process moved the cursor first (it handles what follows)', async () => {
    const log = new MemoryEventLog();
    log.append('a', 'b');
    const seen: string[] = [];
    const c = consumer(log, async (e) => {
      seen.push(e.id);
      log.cursors.set('webhooks', 2); // the other replica finished this batch meanwhile
    });
    await c.drain();
    expect(seen).toEqual(['1', '2']);
    expect(log.cursors.get('webhooks')).toBe(2);
  });
});
