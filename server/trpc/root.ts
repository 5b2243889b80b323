import { createCallerFactory, router } from './init';
import { agentsRouter } from './routers/agents';
import { alertsRouter } from './routers/alerts';
import { authRouter } from './routers/auth';
import { balancingRouter } from './routers/balancing';
import { channelsRouter } from './routers/channels';
import { eventsRouter } from './routers/events';
import { hooksRouter } from './routers/hooks';
import { overviewRouter } from './routers/overview';
import { poolsRouter } from './routers/pools';
import { systemRouter } from './routers/system';
import { tasksRouter } from './routers/tasks';
import { workRouter } from './routers/work';

export const appRouter = router({
  agents: agentsRouter,
  work: workRouter,
  tasks: tasksRouter,
  overview: overviewRouter,
  balancing: balancingRouter,
  pools: poolsRouter,
  alerts: alertsRouter,
  channels: channelsRouter,
  events: eventsRouter,
  hooks: hooksRouter,
  auth: authRouter,
  system: systemRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
