import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, ANONYMOUS } from '@/server/core/access/actor';
import { permissionsOf } from '@/server/core/access/permissions';
import { isVerb, VERB_MAP } from '@/server/core/access/verb-map';
import { hashPassword } from '@/server/core/security/secrets';
import { callerAs, startTestRuntime } from '@/server/testing/test-runtime';
import { createContextInner, resolveActor } from './context';
import { appRouter, createCaller } from './root';

type Runtime = Awaited<ReturnType<typeof startTestRuntime>>;

const CALLERS: Record<string, Actor> = {
  anonymous: ANONYMOUS,
  viewer: { kind: 'user', id: 'usr_viewer', name: 'vera', role: 'viewer' },
  operator: { kind: 'user', id: 'usr_operator', name: 'otto', role: 'operator' },
  admin: { kind: 'api-token', id: 'tok_admin', name: 'ci-admin', role: 'admin' },
  agent: { kind: 'agent', id: 'agt_perm_test', name: 'perm-test', role: null },
};

const PROCEDURES = Object.keys(appRouter._def.procedures).sort();

/** A value no procedure's input accepts: an admitted call stops at input validation and changes nothing. */
const UNPARSABLE = 'not an input object';

type Callable = (input?: unknown) => Promise<unknown>;
const procedureOf = (caller: object, path: string): Callable =>
  path.split('.').reduce((o: any, k) => o[k], caller) as Callable;

/** "denied" when the permission check refused the call, else "allowed" (whatever the procedure then answered). */
async function verdict(call: () => Promise<unknown>): Promise<'allowed' | 'denied'> {
  try {
    const result = await call();
    // A subscription admitted answers a stream; close it.
    if (result && typeof (result as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function')
      await (result as AsyncGenerator).return?.(undefined);
    return 'allowed';
  } catch (e) {
    const err = e as TRPCError;
    const refused =
      (err.code === 'UNAUTHORIZED' && /authentication required/.test(err.message)) ||
      (err.code === 'FORBIDDEN' && /may not call|was terminated|no entry in the permission map/.test(err.message));
    return refused ? 'denied' : 'allowed';
  }
}

describe('the permission map', () => {
  let rt: Runtime;
  beforeAll(async () => {
    rt = await startTestRuntime();
  });
  afterAll(async () => {
    await rt.dispose();
  });

  it('names every procedure the API serves', () => {
    expect(
      PROCEDURES.filter((p) => !isVerb(p)),
      'procedures without a permission-map entry (server/core/access/verb-map.ts)',
    ).toEqual([]);
  });

  // The product's promises, written out: the map may grow, but these must hold.
  it.each([
    ['viewer', 'tasks.list', 'allowed'],
    ['viewer', 'balancing.whatIf', 'allowed'],
    ['viewer', 'tasks.cancel', 'denied'],
    ['viewer', 'balancing.setStrategy', 'denied'],
    ['viewer', 'agents.forceOpenBreaker', 'denied'],
    ['viewer', 'agents.terminate', 'denied'],
    ['operator', 'tasks.cancel', 'allowed'],
    ['operator', 'pools.update', 'allowed'],
    ['operator', 'pools.create', 'denied'],
    ['operator', 'agents.register', 'denied'],
    ['admin', 'pools.create', 'allowed'],
    ['admin', 'work.poll', 'denied'],
    ['agent', 'work.poll', 'allowed'],
    ['agent', 'tasks.list', 'denied'],
    ['anonymous', 'auth.signIn', 'allowed'],
    ['anonymous', 'tasks.list', 'denied'],
  ] as const)('%s calling %s is %s', async (who, path, expected) => {
    const actor = CALLERS[who];
    expect(await verdict(() => procedureOf(callerAs(rt, actor === ANONYMOUS ? null : actor), path)(UNPARSABLE))).toBe(
      expected,
    );
  });

  describe.each(Object.entries(CALLERS))('called as %s', (who, actor) => {
    it.each(PROCEDURES)('%s is allowed exactly when the map gives its permission', async (path) => {
      const rule = VERB_MAP[path as keyof typeof VERB_MAP];
      const expected = rule && permissionsOf(actor).has(rule.permission) ? 'allowed' : 'denied';
      const caller = callerAs(rt, actor === ANONYMOUS ? null : actor, AbortSignal.timeout(2_000));
      expect(
        await verdict(() => procedureOf(caller, path)(UNPARSABLE)),
        `${who} calling ${path} (needs ${rule?.permission})`,
      ).toBe(expected);
    });
  });

  it('refuses a viewer, signed in with a real session, every write, and nothing is written', async () => {
    await rt.store.auth.upsertUser({
      name: 'vera',
      passwordHash: await hashPassword('viewer-password-1'),
      role: 'viewer',
    });
    const headers = new Headers();
    await createCaller(createContextInner({ runtime: rt, actor: null, resHeaders: headers })).auth.signIn({
      username: 'vera',
      password: 'viewer-password-1',
    });
    const cookie = headers.get('set-cookie')!.split(';')[0];
    const { actor, sessionToken } = await resolveActor(rt, new Headers({ cookie }));
    expect(actor).toMatchObject({ kind: 'user', name: 'vera', role: 'viewer' });
    const viewer = createCaller(createContextInner({ runtime: rt, actor, sessionToken }));

    const before = await viewer.tasks.list({});
    const writes = PROCEDURES.filter(
      (p) => isVerb(p) && VERB_MAP[p].access === 'write' && VERB_MAP[p].permission !== 'public',
    );
    expect(writes.length).toBeGreaterThan(20);
    const refused: string[] = [];
    for (const path of writes) {
      const input = path === 'tasks.submit' ? { title: 'from a viewer', capabilities: ['bash'] } : { id: 'whatever' };
      if ((await verdict(() => procedureOf(viewer, path)(input))) === 'denied') refused.push(path);
    }
    expect(refused).toEqual(writes);
    expect((await viewer.tasks.list({})).items).toEqual(before.items);
    // Reads and read-only computations stay open to a viewer.
    await expect(viewer.balancing.whatIf({ strategy: { name: 'round-robin' } })).resolves.toBeDefined();
  });

  it('lets an operator size a pool but not change what runs its agents, and records who changed it', async () => {
    const admin = callerAs(rt, CALLERS.admin);
    const operator = callerAs(rt, CALLERS.operator);
    const pool = await admin.pools.create({
      name: 'perm-pool',
      capabilities: ['perm'],
      provider: 'simulated',
      enabled: false,
      maxSize: 2,
    });
    expect(pool.createdBy).toEqual({ kind: 'api-token', id: 'tok_admin', name: 'ci-admin' });
    await expect(operator.pools.update({ id: pool.id, providerSettings: { failureRate: 0.5 } })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('needs pools:configure'),
    });
    await expect(operator.pools.update({ id: pool.id, adapter: 'shell' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await operator.pools.update({ id: pool.id, maxSize: 4 })).toMatchObject({
      maxSize: 4,
      providerSettings: pool.providerSettings,
    });
    const [edit] = await operator.pools.decisions({ id: pool.id, limit: 1 });
    expect(edit).toMatchObject({
      action: 'edit',
      reason: 'edited by otto: max size 2 → 4',
      actor: { kind: 'user', id: 'usr_operator', name: 'otto' },
    });
  });
});
