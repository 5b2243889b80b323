import { type ActorRef, describeActor } from '@/server/core/access/actor';

/** Who acted, as a timeline says it ("alice", "token ci-bot", "the autoscaler"), with kind and id on hover. */
export function ActorName({ actor, className = 'font-medium' }: { actor: ActorRef; className?: string }) {
  return (
    <span className={className} title={`${actor.kind} ${actor.id}`} data-actor-kind={actor.kind}>
      {describeActor(actor)}
    </span>
  );
}
