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
  /** The Overview's replica panel: every server process on this database, the leader and its epoch. */
  replicas: procedure.query(({ ctx }) => ctx.runtime.core.views.replicas(ctx.req)),
});
