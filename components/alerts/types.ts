import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/trpc/root';

/** What the alert views receive over the wire. */
type Outputs = inferRouterOutputs<AppRouter>['alerts'];
type Inputs = inferRouterInputs<AppRouter>['alerts'];

export type AlertRow = Outputs['list']['items'][number];
export type AlertDetail = Outputs['get'];
export type AlertStepRow = AlertDetail['timeline'][number];
export type AlertRemedy = AlertDetail['remedies'][number];
export type AlertCounts = Outputs['counts'];
export type SilenceRow = Outputs['silences'][number];
export type RuleRow = Outputs['rules']['list']['rules'][number];
export type MetricRow = Outputs['rules']['list']['metrics'][number];
export type RuleCreateInput = Inputs['rules']['create'];
export type RuleUpdateInput = Inputs['rules']['update'];
export type AlertListInput = Inputs['list'];
