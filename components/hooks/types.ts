import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/trpc/root';

type Outputs = inferRouterOutputs<AppRouter>['hooks'];

export type HookRow = Outputs['list'][number];
export type CatalogueEntry = Outputs['catalogue'][number];
export type HookDeliveryRow = Outputs['deliveries']['items'][number];
