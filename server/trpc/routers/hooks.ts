import { z } from 'zod';
import { CreateHookInput, HookDeliveriesInput } from '@/server/core/hooks/hook-input';
import { procedure, router } from '../init';

const ById = z.object({ id: z.string().min(1).max(64) });

/** Webhook subscriptions to lifecycle events, pre-assignment hooks, their delivery log and replays. */
export const hooksRouter = router({
  list: procedure.query(({ ctx }) => ctx.runtime.core.hooks.list(ctx.req)),
  catalogue: procedure.query(({ ctx }) => ctx.runtime.core.hooks.catalogue(ctx.req)),
  create: procedure.input(CreateHookInput).mutation(({ ctx, input }) => ctx.runtime.core.hooks.create(ctx.req, input)),
  delete: procedure.input(ById).mutation(({ ctx, input }) => ctx.runtime.core.hooks.delete(ctx.req, input.id)),
  deliveries: procedure
    .input(HookDeliveriesInput)
    .query(({ ctx, input }) => ctx.runtime.core.hooks.deliveries(ctx.req, input)),
  redeliver: procedure
    .input(z.object({ deliveryId: z.string().min(1).max(64) }))
    .mutation(({ ctx, input }) => ctx.runtime.core.hooks.redeliver(ctx.req, input.deliveryId)),
});
