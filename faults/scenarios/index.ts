import type { Scenario } from '../lib/scenario';
import { failingAgent } from './failing-agent';
import { killAgents } from './kill-agents';
import { poisonTask } from './poison-task';
import { replicaLog } from './replica-log';
import { restartPostgres } from './restart-postgres';
import { restartRedis } from './restart-redis';
import { stopAgent } from './stop-agent';

/** In run order: agent faults first, then the services under the server and a second server, then bad work. */
export const SCENARIOS: Scenario[] = [
  killAgents,
  stopAgent,
  restartPostgres,
  restartRedis,
  replicaLog,
  poisonTask,
  failingAgent,
];
