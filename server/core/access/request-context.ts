import type { Logger } from '../ports';
import { type Actor, systemActor } from './actor';

/**
 * What every core verb receives: who acts, the request's id (in logs and error answers), and a
 * logger that carries both.
 */
export interface RequestContext {
  actor: Actor;
  requestId: string;
  log: Logger;
}

/** The context of the control plane acting on its own (a loop, the demo fleet, start-up). */
export function systemContext(loop: string, log: Logger, requestId = loop): RequestContext {
  const actor = systemActor(loop);
  return { actor, requestId, log: log.child({ actor: { kind: actor.kind, id: actor.id } }) };
}
