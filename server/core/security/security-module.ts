import type { CoreDeps, CoreModule } from '../shared/core-module';
import { AuthService } from './auth-service';

/** Sign-in, sessions and tokens; forgets an agent's cached token when any replica replaces or revokes it. */
export function createSecurityModule({ store, clock, log }: CoreDeps) {
  const auth = new AuthService(store, log.child({ part: 'auth' }), clock);
  const module: CoreModule = {
    name: 'security',
    loops: [],
    onEvent(e) {
      if (e.name === 'agent:registered' || e.name === 'agent:deregistered') auth.forgetAgent(e.payload.agentId);
    },
  };
  return { auth, module };
}
