import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/trpc/root';

/** What the views receive over the wire (JSON: `unknown` fields become optional). */
type Outputs = inferRouterOutputs<AppRouter>;

export type TaskRow = Outputs['tasks']['list']['items'][number];
/** What a list row and a whole task (`tasks.detail`) share. */
export type TaskFields = Omit<TaskRow, 'payloadBytes' | 'resultBytes'>;
export type AgentRow = Outputs['agents']['list']['items'][number];
export type TaskDetailData = Outputs['tasks']['detail'];
export type AttemptRow = TaskDetailData['attempts'][number];
export type ProgressRow = TaskDetailData['progress'][number];
export type DecisionRow = TaskDetailData['decisions'][number];
/** A decision in a feed, with the title of the task it routed. */
export type RecentDecisionRow = Outputs['overview']['decisions'][number];
export type OverviewData = Outputs['overview']['get'];
/** The replicas on this database, the leader and its epoch (`system.replicas`). */
export type ClusterData = Outputs['system']['replicas'];
export type ReplicaRow = ClusterData['replicas'][number];
