import { describe, expect, it } from 'vitest';
import { type Activity, ActivityBoard } from './activity-board';

describe('ActivityBoard', () => {
  it('reports the state most worth attention, and tells when it changes', () => {
    const changes: Activity[] = [];
    const board = new ActivityBoard((a) => changes.push(a));
    board.set(0, { state: 'working', detail: 'a' });
    board.set(1, { state: 'stalled', detail: 'b' });
    board.set(0, { state: 'working', detail: 'c' });
    board.pause({ state: 'rate-limited', resetAt: 5 });
    board.pause(null);
    expect(changes.map((c) => c.state)).toEqual(['working', 'stalled', 'rate-limited', 'stalled']);
    expect(board.running()).toBe(2);
  });

  it('reports done once, then idle without a change of its own', () => {
    const changes: Activity[] = [];
    const board = new ActivityBoard((a) => changes.push(a));
    board.set(0, { state: 'done', detail: 'task' });
    expect(board.forHeartbeat()).toEqual({ state: 'done', detail: 'task' });
    expect(board.forHeartbeat()).toEqual({ state: 'idle' });
    expect(changes.map((c) => c.state)).toEqual(['done']);
  });
});
