import { z } from 'zod';
import { CreateChannelInput, UpdateChannelInput } from '@/server/core/notify/channel-input';
import { PageCursorInput } from '@/server/core/shared/page-cursor';
import { procedure, router } from '../init';

const ById = z.object({ id: z.string().min(1).max(64) });

/** Alert notification channels: CRUD, a test send, and each channel's delivery log. */
export const channelsRouter = router({
  list: procedure.query(({ ctx }) => ctx.runtime.core.channels.list(ctx.req)),
  create: procedure
    .input(CreateChannelInput)
    .mutation(({ ctx, input }) => ctx.runtime.core.channels.create(ctx.req, input)),
  update: procedure
    .input(UpdateChannelInput)
    .mutation(({ ctx, input }) => ctx.runtime.core.channels.update(ctx.req, input)),
  delete: procedure.input(ById).mutation(({ ctx, input }) => ctx.runtime.core.channels.delete(ctx.req, input.id)),
  test: procedure.input(ById).mutation(({ ctx, input }) => ctx.runtime.core.channels.test(ctx.req, input.id)),
  deliveries: procedure
    .input(
      ById.extend({
        cursor: PageCursorInput.nullish(),
        limit: z.number().int().min(1).max(200).default(50),
      }),
    )
    .query(({ ctx, input }) => ctx.runtime.core.channels.deliveries(ctx.req, input)),
});
