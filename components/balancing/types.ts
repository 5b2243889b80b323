import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/trpc/root';

/** What the balancing views receive over the wire. */
type Outputs = inferRouterOutputs<AppRouter>['balancing'];

export type PolicyData = Outputs['policy'];
export type StrategyInfo = PolicyData['strategies'][number];
export type PolicyChange = PolicyData['history'][number];
export type DistributionData = Outputs['distribution'];
export type BalancingDecision = Outputs['decisions'][number];
export type WhatIfData = Outputs['whatIf'];
export type StrategyName = StrategyInfo['name'];
