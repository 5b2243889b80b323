import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import type { Store } from '@/server/core/ports';
import type { QueuePolicy } from '@/server/core/tasks/queue-policy';
import type { LeasePolicy } from '@/server/core/work/lease-policy';
import { createAgentStore } from './agent-store';
import { createAlertStore } from './alert-store';
import { createAuthStore } from './auth-store';
import { createBreakerStore } from './breaker-store';
import { createChannelStore } from './channel-store';
import { createDeliveryStore } from './delivery-store';
import { createEventLogStore } from './event-log-store';
import { createHookStore } from './hook-store';
import { createLeaseStore } from './lease-store';
import { createNotificationStore } from './notification-store';
import { createPoolStore } from './pool-store';
import { createReplicaStore } from './replica-store';
import { createRoutingStore } from './routing-store';
import { createStatsStore } from './stats-store';
import { createTaskActionStore } from './task-action-store';
import { createTaskStore } from './task-store';

/** The core's Store port over drizzle: the same code for PGlite and PostgreSQL. */
export function createDrizzleStore(
  database: Database,
  options: { queue?: QueuePolicy; lease?: LeasePolicy } = {},
): Store {
  const { db } = database;
  return {
    agents: createAgentStore(db, options.lease),
    pools: createPoolStore(db),
    tasks: createTaskStore(db, options.queue, options.lease),
    stats: createStatsStore(db),
    auth: createAuthStore(db),
    routing: createRoutingStore(db),
    breakers: createBreakerStore(db),
    taskActions: createTaskActionStore(db),
    events: createEventLogStore(db),
    alerts: createAlertStore(db),
    hooks: createHookStore(db),
    lease: createLeaseStore(db),
    replicas: createReplicaStore(db),
    deliveries: createDeliveryStore(db),
    channels: createChannelStore(db),
    notifications: createNotificationStore(db),
    async ping() {
      await db.execute(sql`select 1`);
    },
    close: () => database.close(),
  };
}
