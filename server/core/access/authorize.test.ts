import { describe, expect, it } from 'vitest';
import { ANONYMOUS, type Actor } from './actor';
import { demand } from './authorize';
import { permissionsOf } from './permissions';

const user = (role: 'viewer' | 'operator' | 'admin'): Actor => ({ kind: 'user', id: `usr_${role}`, name: role, role });
const agent: Actor = { kind: 'agent', id: 'agt_1', name: 'build-7', role: null };

describe('the permission map', () => {
  it('gives each role what the one below it has, and more', () => {
    const [viewer, operator, admin] = (['viewer', 'operator', 'admin'] as const).map((r) => permissionsOf(user(r)));
    for (const p of viewer) expect(operator.has(p)).toBe(true);
    for (const p of operator) expect(admin.has(p)).toBe(true);
    expect(viewer.has('fleet:read') && viewer.has('analysis:run') && viewer.has('session:self')).toBe(true);
    expect(viewer.has('tasks:operate')).toBe(false);
    expect(operator.has('pools:configure')).toBe(false);
    expect(admin.has('agent:self')).toBe(false);
  });

  it('lets an agent act only as an agent, and a terminated one only read its status', () => {
    expect([...permissionsOf(agent)].sort()).toEqual(['agent:self', 'agent:status', 'public', 'session:self']);
    expect([...permissionsOf({ ...agent, terminated: true })].sort()).toEqual(['agent:status', 'public']);
    expect([...permissionsOf(ANONYMOUS)]).toEqual(['public']);
  });

  it('refuses with a message naming the verb, the permission and who has it', () => {
    expect(() => demand(user('viewer'), 'tasks.cancel', ['tasks:operate'])).toThrow(
      /viewer viewer may not call tasks.cancel: it needs tasks:operate \(.*\), which operators and admins have/,
    );
    expect(() => demand(ANONYMOUS, 'tasks.list', ['fleet:read'])).toThrow(
      expect.objectContaining({ code: 'UNAUTHENTICATED' }),
    );
    expect(() => demand(agent, 'tasks.list', ['fleet:read'])).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => demand({ ...agent, terminated: true }, 'work.poll', ['agent:self'])).toThrow(/was terminated/);
    expect(() => demand(user('operator'), 'tasks.cancel', ['tasks:operate'])).not.toThrow();
  });
});
