import { procedure, router } from '../init';

/** What the settings page shows: how this server runs and how its loops are doing. */
export const systemRouter = router({
  info: procedure.query(({ ctx }) => ({
    mode: ctx.runtime.mode,
    storage: ctx.runtime.database.describe,
    strategy: ctx.runtime.core.dispatcher.strategyName,
    heartbeat: ctx.runtime.core.heartbeatPolicy,
    loops: ctx.runtime.core.loopSnapshots(),
    waitingPolls: ctx.runtime.core.work.polls.waiters.waiting,
    demo: ctx.runtime.env.FLIGHTDECK_DEMO,
  })),
});
