/** Who acts on a call: every core verb receives one, and what it changes records it. */
export const ROLES = ['viewer', 'operator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export type Actor =
  | { kind: 'user'; id: string; name: string; role: Role }
  | { kind: 'api-token'; id: string; name: string; role: Role }
  /** An agent acts only on itself; a terminated one may still learn that it was terminated. */
  | { kind: 'agent'; id: string; name: string; role: null; terminated?: boolean }
  /** The control plane's own loops (autoscaler, sweeps, demo): `id` names the loop. */
  | { kind: 'system'; id: string; name: string; role: null }
  /** A call with no (valid) token or session: it may only sign in. */
  | { kind: 'anonymous'; id: 'anonymous'; name: 'anonymous'; role: null };

export type ActorKind = Actor['kind'];

/** What a record stores of an actor: enough to show and filter by, with no secret. */
export interface ActorRef {
  kind: ActorKind;
  id: string;
  name: string;
}

export const actorRef = (a: Actor): ActorRef => ({ kind: a.kind, id: a.id, name: a.name });

export const ANONYMOUS: Actor = { kind: 'anonymous', id: 'anonymous', name: 'anonymous', role: null };

/** The control plane acting on its own: `id` names the loop, `name` how a timeline line says it ("the autoscaler"). */
export const systemActor = (loop: string, name = loop): Actor => ({ kind: 'system', id: loop, name, role: null });

/** "alice", "token ci-bot", "agent build-7", "the autoscaler": how a timeline line names who did it. */
export function describeActor(a: ActorRef): string {
  switch (a.kind) {
    case 'user':
      return a.name;
    case 'api-token':
      return `token ${a.name}`;
    case 'agent':
      return `agent ${a.name}`;
    case 'system':
      return `the ${a.name}`;
    case 'anonymous':
      return 'someone not signed in';
  }
}
