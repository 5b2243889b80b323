import {
  CompleteInput,
  FailInput,
  PollBatchInput,
  PollInput,
  ProgressInput,
  ReleaseInput,
  StartInput,
} from '@/server/core/work/work-service';
import { agentProcedure, router } from '../init';

/** The agent protocol: long-poll for an assignment, then report on it under its lease. */
export const workRouter = router({
  poll: agentProcedure
    .input(PollInput)
    .mutation(({ ctx, input, signal }) => ctx.runtime.core.work.poll(ctx.agent.id, input, signal)),
  pollBatch: agentProcedure
    .input(PollBatchInput)
    .mutation(({ ctx, input, signal }) => ctx.runtime.core.work.pollBatch(ctx.agent.id, input, signal)),
  start: agentProcedure
    .input(StartInput)
    .mutation(({ ctx, input }) => ctx.runtime.core.work.start(ctx.agent.id, input)),
  progress: agentProcedure
    .input(ProgressInput)
    .mutation(({ ctx, input }) => ctx.runtime.core.work.progress(ctx.agent.id, input)),
  complete: agentProcedure
    .input(CompleteInput)
    .mutation(({ ctx, input }) => ctx.runtime.core.work.complete(ctx.agent.id, input)),
  /** Hands the task back to the queue (draining, rate-limited) without counting a failure. */
  release: agentProcedure
    .input(ReleaseInput)
    .mutation(({ ctx, input }) => ctx.runtime.core.work.release(ctx.agent.id, input)),
  fail: agentProcedure.input(FailInput).mutation(({ ctx, input }) => ctx.runtime.core.work.fail(ctx.agent.id, input)),
});
