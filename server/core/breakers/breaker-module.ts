import type { Leadership } from '../cluster/leadership';
import type { CoreDeps, CoreModule } from '../shared/core-module';
import { Ticker } from '../shared/ticker';
import { BreakerService } from './breaker-service';

/** Circuit breakers per agent and runtime, fed by the outcomes of every replica. */
export function createBreakerModule(
  { store, clock, log }: CoreDeps,
  coolDownMs: number,
  leadership: Pick<Leadership, 'asLeader'>,
) {
  // Every replica keeps its own breakers (they steer its dispatcher) from the same outcomes; the
  // transitions they make on their own are recorded and announced once, by the leader.
  const breakers = new BreakerService(store, clock, log.child({ part: 'breakers' }), coolDownMs, (write) =>
    leadership.asLeader(write),
  );
  const module: CoreModule = {
    name: 'breakers',
    loops: [new Ticker('breakers', 1_000, async () => breakers.refresh(), clock, log, { scope: 'replica' })],
    onEvent(e) {
      void breakers.onEvent(e).catch((err) => log.error({ err }, 'breaker update failed'));
    },
  };
  return { breakers, module };
}
