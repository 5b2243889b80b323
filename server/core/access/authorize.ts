import { CoreError } from '../errors';
import type { Actor } from './actor';
import { type Permission, PERMISSIONS, permissionsOf, ROLE_PERMISSIONS } from './permissions';

/** "operators and admins": who has a permission, for a refusal that says how to get it. */
function holders(p: Permission): string {
  const roles = (Object.keys(ROLE_PERMISSIONS) as (keyof typeof ROLE_PERMISSIONS)[]).filter((r) => ROLE_PERMISSIONS[r].has(p));
  if (p === 'agent:self' || p === 'agent:status') return 'agents (with an agent token)';
  return roles.length ? roles.map((r) => `${r}s`).join(' and ') : 'nobody';
}

const who = (a: Actor) => (a.kind === 'agent' ? `agent ${a.name}` : a.kind === 'system' ? `the ${a.name}` : `${a.role} ${a.name}`);

/**
 * Throws unless `actor` holds every permission `verb` needs: UNAUTHENTICATED for nobody,
 * FORBIDDEN naming the verb, the permission and who has it.
 */
export function demand(actor: Actor | null, verb: string, needs: readonly Permission[]): void {
  const held = permissionsOf(actor);
  const missing = needs.find((p) => !held.has(p));
  if (!missing) return;
  if (!actor) throw new CoreError('UNAUTHENTICATED', 'authentication required: send "Authorization: Bearer <token>" or sign in');
  if (actor.kind === 'agent' && actor.terminated) {
    throw new CoreError('FORBIDDEN', `agent ${actor.name} was terminated: its token only answers agents.heartbeat and agents.me now`);
  }
  throw new CoreError('FORBIDDEN', `${who(actor)} may not call ${verb}: it needs ${missing} (${PERMISSIONS[missing]}), which ${holders(missing)} have`, { verb, permission: missing });
}
