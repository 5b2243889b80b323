import { z } from 'zod';
import {
  AcknowledgeInput,
  AlertId,
  AssignInput,
  CreateRuleInput,
  ListAlertsInput,
  ListSilencesInput,
  RemedyInput,
  SilenceInput,
  UpdateRuleInput,
} from '@/server/core/alerts/alert-input';
import { procedure, router } from '../init';

const RuleId = z.object({ id: z.string().min(1).max(100) });

/** Alert rules (built-in and operators'), with the metric catalogue they draw on. */
const rulesRouter = router({
  list: procedure.query(({ ctx }) => ctx.runtime.core.alertRules.list(ctx.req)),
  create: procedure
    .input(CreateRuleInput)
    .mutation(({ ctx, input }) => ctx.runtime.core.alertRules.create(ctx.req, input)),
  update: procedure
    .input(UpdateRuleInput)
    .mutation(({ ctx, input }) => ctx.runtime.core.alertRules.update(ctx.req, input)),
  delete: procedure.input(RuleId).mutation(({ ctx, input }) => ctx.runtime.core.alertRules.delete(ctx.req, input.id)),
});

/** Alerts as an operator works them: list, look, acknowledge, assign, silence, resolve, run the remedy. */
export const alertsRouter = router({
  list: procedure.input(ListAlertsInput).query(({ ctx, input }) => ctx.runtime.core.alerts.list(ctx.req, input)),
  get: procedure.input(AlertId).query(({ ctx, input }) => ctx.runtime.core.alerts.get(ctx.req, input.id)),
  counts: procedure.query(({ ctx }) => ctx.runtime.core.alerts.counts(ctx.req)),
  acknowledge: procedure
    .input(AcknowledgeInput)
    .mutation(({ ctx, input }) => ctx.runtime.core.alerts.acknowledge(ctx.req, input)),
  assign: procedure.input(AssignInput).mutation(({ ctx, input }) => ctx.runtime.core.alerts.assign(ctx.req, input)),
  resolve: procedure.input(AlertId).mutation(({ ctx, input }) => ctx.runtime.core.alerts.resolve(ctx.req, input)),
  remedy: procedure.input(RemedyInput).mutation(({ ctx, input }) => ctx.runtime.core.alerts.remedy(ctx.req, input)),
  silence: procedure.input(SilenceInput).mutation(({ ctx, input }) => ctx.runtime.core.alerts.silence(ctx.req, input)),
  silences: procedure
    .input(ListSilencesInput)
    .query(({ ctx, input }) => ctx.runtime.core.alerts.silences(ctx.req, input)),
  expireSilence: procedure
    .input(AlertId)
    .mutation(({ ctx, input }) => ctx.runtime.core.alerts.expireSilence(ctx.req, input)),
  rules: rulesRouter,
});
