import { describe, expect, it } from 'vitest';
import type { AnyBusEvent } from '../events';
import { HOOK_EVENT_NAMES, HOOK_EVENTS, hookEventsOf } from './catalogue';

const at = Date.UTC(2026, 0, 5, 10);
const ev = (id: number, name: string, payload: object) => ({ id: String(id), name, payload, at }) as AnyBusEvent;
const names = (e: AnyBusEvent) => hookEventsOf(e).map((h) => `${h.event} ${h.subject}`);

describe('hook event catalogue', () => {
  it('names each event once, with a subject of the documented kind in its example', () => {
    expect(new Set(HOOK_EVENT_NAMES).size).toBe(HOOK_EVENT_NAMES.length);
    for (const s of HOOK_EVENTS) expect(s.example.subject).toMatch(/^(task|agent|alert|pool|breaker):.+|^cluster$/);
    expect(HOOK_EVENT_NAMES).toEqual(
      expect.arrayContaining(['agent:state-changed', 'task:succeeded', 'breaker:opened', 'leader:changed']),
    );
  });

  it('turns a finished task into succeeded / failed by its status, and leaves other statuses out', () => {
    const done = (status: string) => ev(7, 'task:completed', { taskId: 't1', agentId: 'a1', attempt: 1, status });
    expect(names(done('succeeded'))).toEqual(['task:succeeded task:t1']);
    expect(names(done('failed'))).toEqual(['task:failed task:t1']);
    expect(names(done('dead-lettered'))).toEqual([]);
  });

  it('gives one task:submitted per task of a batch, each with its own id', () => {
    const out = hookEventsOf(ev(9, 'task:submitted', { taskIds: ['t1', 't2'], status: 'queued' }));
    expect(out.map((h) => [h.id, h.subject, h.data])).toEqual([
      ['9.0', 'task:t1', { taskId: 't1', status: 'queued' }],
      ['9.1', 'task:t2', { taskId: 't2', status: 'queued' }],
    ]);
  });

  it('splits breaker changes by the state they reach; half-open is no hook event', () => {
    const b = (to: string) =>
      ev(3, 'breaker:changed', { key: 'agent:a1', agentId: 'a1', runtime: null, from: 'x', to, reason: 'r', by: null });
    expect(names(b('open'))).toEqual(['breaker:opened breaker:agent:a1']);
    expect(names(b('closed'))).toEqual(['breaker:closed breaker:agent:a1']);
    expect(names(b('half-open'))).toEqual([]);
  });

  it('renames agent and cluster events and builds the documented body', () => {
    expect(names(ev(1, 'agent:changed', { agentId: 'a1', status: 'offline', previous: 'idle', reason: 'r' }))).toEqual([
      'agent:state-changed agent:a1',
    ]);
    const [leader] = hookEventsOf(ev(2, 'cluster:leader-changed', { holder: 'r2', epoch: 4, previous: 'r1' }));
    expect(leader).toEqual({
      id: '2',
      event: 'leader:changed',
      at: '2026-01-05T10:00:00.000Z',
      subject: 'cluster',
      data: { holder: 'r2', epoch: 4, previous: 'r1' },
    });
  });

  it('has nothing for events outside the catalogue', () => {
    expect(hookEventsOf(ev(5, 'task:requeued', { taskId: 't1', attempt: 1, reason: 'x' }))).toEqual([]);
    expect(hookEventsOf(ev(6, 'alert:changed', { alertId: 'x' }))).toEqual([]);
  });
});
