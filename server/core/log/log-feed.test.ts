import { describe, expect, it } from 'vitest';
import { FakeClock, silentLogger } from '../testing/fakes';
import { MemoryEventLog } from '../testing/memory-event-log';
import { LogFeed } from './log-feed';

describe('log feed', () => {
  it('starts at the end of the log and hands each later event once, in order, to every subscriber', async () => {
    const log = new MemoryEventLog();
    log.append('task:submitted', 'task:assigned');
    const feed = new LogFeed(log, new FakeClock(), silentLogger);
    await feed.start();
    expect(feed.position).toBe(2);
    const a: string[] = [];
    const b: string[] = [];
    feed.subscribe((e) => a.push(e.id));
    feed.subscribe((e) => b.push(e.id));
    log.append('task:started', 'task:completed');
    const reads = log.reads;
    await feed.catchUp();
    await feed.catchUp();
    expect(a).toEqual(['3', '4']);
    expect(b).toEqual(['3', '4']);
    // One read per catch-up however many subscribers (the second finds nothing new).
    expect(log.reads - reads).toBe(2);
    await feed.stop();
  });

  it('reads a large backlog in batches until it has caught up', async () => {
    const log = new MemoryEventLog();
    const feed = new LogFeed(log, new FakeClock(), silentLogger);
    await feed.start();
    const seen: string[] = [];
    feed.subscribe((e) => seen.push(e.id));
    log.append(...Array.from({ length: 2_500 }, () => 'task:submitted'));
    await feed.catchUp();
    expect(seen).toHaveLength(2_500);
    expect(seen.at(-1)).toBe('2500');
    expect(feed.position).toBe(2_500);
    await feed.stop();
  });

  it('keeps delivering to the others when one subscriber throws', async () => {
    const log = new MemoryEventLog();
    const feed = new LogFeed(log, new FakeClock(), silentLogger);
    await feed.start();
    const seen: string[] = [];
    feed.subscribe(() => {
      throw new Error('broken view');
    });
    feed.subscribe((e) => seen.push(e.id));
    log.append('task:submitted');
    await feed.catchUp();
    expect(seen).toEqual(['1']);
    await feed.stop();
  });
});
