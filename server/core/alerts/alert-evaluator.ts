import type { Clock, Logger, Store } from '../ports';
import { evaluatePass, readingRequests } from './alert-engine';
import { newAlertId } from './alert-model';
import type { AlertRules } from './alert-rules';

/** One evaluation: rules, readings, open alerts and silences in; the engine's changes written in one transaction. */
export class AlertEvaluator {
  constructor(
    private readonly store: Store,
    private readonly rules: AlertRules,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly resolveDelayMs: number,
  ) {}

  async pass(): Promise<void> {
    await this.rules.seed();
    const alerts = this.store.alerts;
    const now = this.clock.now();
    const rules = await alerts.listRules();
    const readings = await alerts.readings.read(readingRequests(rules), now);
    const [open, silences] = await Promise.all([
      alerts.openAlerts(),
      alerts.listSilences({ includeExpired: false, at: now }),
    ]);
    const changes = evaluatePass({
      now,
      rules,
      readings,
      open,
      silences,
      resolveDelayMs: this.resolveDelayMs,
      newId: () => newAlertId('alt', now),
    });
    const written = await alerts.apply(changes);
    const steps = changes.filter((c) => c.steps.length && written.includes(c.alert.id));
    if (steps.length) this.log.debug({ changed: steps.length }, 'alerts evaluated');
  }
}
