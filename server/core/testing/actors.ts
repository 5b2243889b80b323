import type { Actor, ActorRef } from '../access/actor';
import type { RequestContext } from '../access/request-context';
import { silentLogger } from './fakes';

/** A signed-in operator called `name`, as tests act. */
export const userActor = (name: string, role: 'viewer' | 'operator' | 'admin' = 'operator'): Actor => ({
  kind: 'user',
  id: `usr_${name}`,
  name,
  role,
});

export const userRef = (name: string): ActorRef => ({ kind: 'user', id: `usr_${name}`, name });

/** The request context of a call by user `name`. */
export const userContext = (name: string, role: 'viewer' | 'operator' | 'admin' = 'operator'): RequestContext => ({
  actor: userActor(name, role),
  requestId: `req_${name}`,
  log: silentLogger,
});
