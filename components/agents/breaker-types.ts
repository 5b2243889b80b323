import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/trpc/root';

/** `agents.breaker` as the views receive it: the agent's breaker, its runtime's, and their transitions. */
export type BreakerData = inferRouterOutputs<AppRouter>['agents']['breaker'];
export type BreakerSnapshotRow = BreakerData['agent'];
export type BreakerTransitionRow = BreakerData['history'][number];
export type BreakerStateName = BreakerSnapshotRow['state'];
export type BreakerScope = 'agent' | 'runtime';
