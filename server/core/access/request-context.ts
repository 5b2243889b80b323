import type { Logger } from '../ports';
import { ANONYMOUS, type Actor, systemActor } from './actor';

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
export function systemContext(loop: string, log: Logger, name = loop): RequestContext {
  const actor = systemActor(loop, name);
  const requestId = loop;
  return { actor, requestId, log: log.child({ actor: { kind: actor.kind, id: actor.id } }) };
}

/** The context of a call from outside (the API): a signed-in actor, or none (only `public` verbs admit that). */
export function requestContext(actor: Actor | null, requestId: string, log: Logger): RequestContext {
  const who = actor ?? ANONYMOUS;
  return { actor: who, requestId, log: log.child({ requestId, actor: { kind: who.kind, id: who.id } }) };
}
