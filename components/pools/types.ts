import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/trpc/root';

/** What the pool views receive over the wire. */
type Outputs = inferRouterOutputs<AppRouter>['pools'];

export type PoolRow = Outputs['list'][number];
export type PoolDetail = Outputs['get'];
export type PoolMemberRow = PoolDetail['agents'][number];
export type ScaleDecisionRow = Outputs['decisions'][number];
export type PoolSamplesView = Outputs['samples'];
export type ProviderKind = PoolRow['provider'];
export type AdapterName = PoolRow['adapter'];

/** The closed sets of the API, listed for the form's selects (checked against the types above). */
export const PROVIDER_KINDS = ['simulated', 'process', 'docker'] as const satisfies readonly ProviderKind[];
export { ADAPTER_NAMES as ADAPTERS, AGENT_ADAPTERS } from '@/server/core/shared/agent-adapters';
