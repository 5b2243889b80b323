import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/trpc/root';

/** `agents.get` as the agent page receives it: the agent with its hold, context keys and policy. */
export type AgentDetailData = inferRouterOutputs<AppRouter>['agents']['get'];
export type AgentLogsData = inferRouterOutputs<AppRouter>['agents']['logs'];
