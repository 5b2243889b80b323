import type { Scenario } from '../lib/scenario';
import { failingAgent } from './failing-agent';
import { killAgents } from './kill-agents';
import { leaderFailover } from './leader-failover';
import { poisonTask } from './poison-task';
import { replicaLog } from './replica-log';
import { restartPostgres } from './restart-postgres';
import { restartRedis } from './restart-redis';
import { stopAgent } from './stop-agent';

/** In run order: agent faults first, then the services under the server, a second server and the leader's failover, then bad work. */
export const SCENARIOS: Scenario[] = [
  killAgents,
  stopAgent,
  restartPostgres,
  restartRedis,
  replicaLog,
  leaderFailover,
  poisonTask,
  failingAgent,
];
