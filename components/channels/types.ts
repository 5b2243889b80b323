import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/trpc/root';

type Outputs = inferRouterOutputs<AppRouter>['channels'];

export type ChannelRow = Outputs['list'][number];
export type ChannelDeliveryRow = Outputs['deliveries']['items'][number];
export type ChannelTestResult = Outputs['test'];

/** The server's channel types, for the select (the type checks the list). */
export const CHANNEL_TYPES = [
  'webhook',
  'slack',
  'alertmanager-webhook',
] as const satisfies readonly ChannelRow['type'][];

export const CHANNEL_TYPE_HELP: Record<(typeof CHANNEL_TYPES)[number], string> = {
  webhook: 'Generic JSON: the group, its status and its alerts',
  slack: 'A Slack incoming-webhook URL (text and blocks)',
  'alertmanager-webhook':
    'The payload Alertmanager sends its receivers (version 4): existing receivers work as they are',
};
