import { CoreError } from '../errors';
import { type Actor, describeActor } from './actor';
import { type Permission, PERMISSIONS, permissionsOf, ROLE_PERMISSIONS } from './permissions';
import { isVerb, VERB_MAP, type VerbName } from './verb-map';

/** "operators and admins": who has a permission, for a refusal that says how to get it. */
function holders(p: Permission): string {
  const roles = (Object.keys(ROLE_PERMISSIONS) as (keyof typeof ROLE_PERMISSIONS)[]).filter((r) =>
    ROLE_PERMISSIONS[r].has(p),
  );
  if (p === 'agent:self' || p === 'agent:status') return 'agents (with an agent token)';
  return roles.length ? roles.map((r) => `${r}s`).join(' and ') : 'nobody';
}

const who = (a: Actor) => (a.kind === 'user' || a.kind === 'api-token' ? `${a.role} ${a.name}` : describeActor(a));

/**
 * Throws unless `actor` holds every permission `verb` needs: UNAUTHENTICATED for nobody,
 * FORBIDDEN naming the verb, the permission and who has it.
 */
export function demand(actor: Actor, verb: string, needs: readonly Permission[]): void {
  const held = permissionsOf(actor);
  const missing = needs.find((p) => !held.has(p));
  if (!missing) return;
  if (actor.kind === 'anonymous')
    throw new CoreError('UNAUTHENTICATED', 'authentication required: send "Authorization: Bearer <token>" or sign in');
  if (actor.kind === 'agent' && actor.terminated) {
    throw new CoreError(
      'FORBIDDEN',
      `agent ${actor.name} was terminated: its token only answers agents.heartbeat and agents.me now`,
    );
  }
  throw new CoreError(
    'FORBIDDEN',
    `${who(actor)} may not call ${verb}: it needs ${missing} (${PERMISSIONS[missing]}), which ${holders(missing)} have`,
    { verb, permission: missing },
  );
}

/** Admits a call to `verb` by `actor` per the permission map; a verb the map does not name is refused to everyone. */
export function authorizeCall(actor: Actor, verb: string): void {
  if (!isVerb(verb))
    throw new CoreError('FORBIDDEN', `${verb} has no entry in the permission map, so nobody may call it`, { verb });
  demand(actor, verb, [VERB_MAP[verb].permission]);
}

/** Whether `actor` may call `verb`: what a page asks before it offers the button. */
export function mayCall(actor: Actor, verb: VerbName): boolean {
  return permissionsOf(actor).has(VERB_MAP[verb].permission);
}
