import type { CoreDeps, CoreModule } from '../shared/core-module';
import { Ticker } from '../shared/ticker';
import { BreakerService } from './breaker-service';

/** Circuit breakers per agent and runtime, fed by the outcomes of every replica. */
export function createBreakerModule({ store, clock, log }: CoreDeps, coolDownMs: number) {
  const breakers = new BreakerService(store, clock, log.child({ part: 'breakers' }), coolDownMs);
  const module: CoreModule = {
    name: 'breakers',
    loops: [new Ticker('breakers', 1_000, async () => breakers.refresh(), clock, log)],
    onEvent(e) {
      void breakers.onEvent(e).catch((err) => log.error({ err }, 'breaker update failed'));
    },
  };
  return { breakers, module };
}
