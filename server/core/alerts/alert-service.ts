import { actorRef, describeActor } from '../access/actor';
import type { RequestContext } from '../access/request-context';
import type { Clock, Store } from '../ports';
import { conflict, invalid, notFound } from '../errors';
import { matchesAll } from './label-matchers';
import {
  AcknowledgeInput,
  AlertId,
  AssignInput,
  ListAlertsInput,
  ListSilencesInput,
  RemedyInput,
  SilenceInput,
} from './alert-input';
import { type Alert, type AlertChange, type AlertStep, expectOf, newAlertId, type Silence } from './alert-model';
import { matchLabels } from './alert-labels';
import { affectsOf, targetsOf } from './alert-affects';
import { type RemedyParts, remediesFor, runRemedy } from './alert-remedies';
import { alertItem, countsOf, decodeOffset, encodeOffset } from './alert-views';
import type { z } from 'zod';

/** The operator's verbs on alerts and silences; each writes the alert and a timeline step with the actor. */
export class AlertService {
  constructor(
    private readonly parts: RemedyParts & { store: Store; clock: Clock },
    /** Something changed that the evaluator should look at soon (a silence, a remedy). */
    private readonly kick: () => void,
  ) {}

  private get store() {
    return this.parts.store.alerts;
  }

  async list(_req: RequestContext, raw: z.input<typeof ListAlertsInput>) {
    const q = ListAlertsInput.parse(raw);
    const offset = decodeOffset(q.cursor);
    const states = q.state ? [q.state] : (['firing', 'acknowledged', 'pending'] as const);
    const rows = await this.store.listAlerts({ states: [...states], severity: q.severity, offset, limit: q.limit + 1 });
    return {
      items: rows.slice(0, q.limit).map(alertItem),
      nextCursor: rows.length > q.limit ? encodeOffset(offset + q.limit) : null,
    };
  }

  async get(_req: RequestContext, id: string) {
    const alert = await this.alert(id);
    const rule = await this.store.getRule(alert.ruleId);
    const targets = await targetsOf(this.parts.store, alert);
    return {
      ...alertItem(alert),
      timeline: await this.store.timeline(alert.id),
      remedies: alert.state === 'resolved' ? [] : remediesFor(rule?.metric, alert, targets),
      affects: await affectsOf(this.parts.store, alert, targets),
      samples: alert.samples,
      metric: rule?.metric ?? null,
      threshold: rule ? { comparison: rule.comparison, value: rule.threshold } : null,
    };
  }

  async counts(_req: RequestContext) {
    return countsOf(await this.store.countOpen());
  }

  /** Only a firing alert is acknowledged; it stays so while its condition holds and resolves when it clears. */
  async acknowledge(req: RequestContext, raw: z.input<typeof AcknowledgeInput>) {
    const { id, note } = AcknowledgeInput.parse(raw);
    const alert = await this.alert(id);
    if (alert.state !== 'firing')
      throw conflict(`alert ${id} is ${alert.state}: only a firing alert can be acknowledged`, { state: alert.state });
    const now = this.parts.clock.now();
    const next: Alert = { ...alert, state: 'acknowledged', acknowledgedAt: now, acknowledgedBy: actorRef(req.actor) };
    return this.write(req, alert, next, { kind: 'acknowledged', reason: `acknowledged by ${this.who(req)}`, note });
  }

  /** `to` must be a user when the server has users (a sign-in list); API-token-only servers take any name. */
  async assign(req: RequestContext, raw: z.input<typeof AssignInput>) {
    const { id, to } = AssignInput.parse(raw);
    const alert = await this.open(id, 'assigned');
    const users = await this.parts.store.auth.countUsers();
    if (users > 0 && !(await this.parts.store.auth.userByName(to))) throw invalid(`to: there is no user named ${to}`);
    return this.write(
      req,
      alert,
      { ...alert, assignee: to },
      { kind: 'assigned', reason: `assigned to ${to} by ${this.who(req)}` },
    );
  }

  /** A manual resolve: if the condition still holds, the next pass opens a new alert for it. */
  async resolve(req: RequestContext, raw: z.input<typeof AlertId>) {
    const { id } = AlertId.parse(raw);
    const alert = await this.open(id, 'resolved');
    const next: Alert = { ...alert, state: 'resolved', resolvedAt: this.parts.clock.now() };
    const item = await this.write(req, alert, next, { kind: 'resolved', reason: `resolved by ${this.who(req)}` });
    this.kick();
    return item;
  }

  async remedy(req: RequestContext, raw: z.input<typeof RemedyInput>) {
    const input = RemedyInput.parse(raw);
    const alert = await this.open(input.id, 'remedied');
    const rule = await this.store.getRule(alert.ruleId);
    const targets = await targetsOf(this.parts.store, alert);
    if (!remediesFor(rule?.metric, alert, targets).some((r) => r.action === input.action))
      throw conflict(`${input.action} does not apply to alert ${alert.id} (${alert.ruleName}) now`);
    const did = await runRemedy(req, this.parts, alert, targets, input);
    const current = (await this.store.getAlert(alert.id)) ?? alert;
    const item = await this.write(req, current, current, { kind: 'remedy', reason: `${did} (by ${this.who(req)})` });
    this.kick();
    return { alert: item, did };
  }

  /** Creates the silence and marks the open alerts it matches now; the evaluator keeps it up from then on. */
  async silence(req: RequestContext, raw: z.input<typeof SilenceInput>): Promise<Silence> {
    const input = SilenceInput.parse(raw);
    const now = this.parts.clock.now();
    const silence = await this.store.createSilence({
      id: newAlertId('sil', now),
      matchers: input.matchers,
      startsAt: now,
      endsAt: now + input.durationMs,
      createdBy: actorRef(req.actor),
      comment: input.comment,
      expiredBy: null,
      createdAt: now,
    });
    const reason = `silenced by ${this.who(req)} until ${new Date(silence.endsAt).toISOString()}: ${silence.comment}`;
    const changes: AlertChange[] = (await this.store.openAlerts())
      .filter((a) => a.silencedBy !== silence.id && matchesAll(silence.matchers, matchLabels(a)))
      .map((a) => ({
        alert: { ...a, silencedBy: silence.id },
        insert: false,
        expect: expectOf(a),
        steps: [this.step(req, a, 'silenced', reason)],
      }));
    await this.store.apply(changes);
    req.log.info({ silence: silence.id, alerts: changes.length }, 'silence created');
    return silence;
  }

  async silences(_req: RequestContext, raw: z.input<typeof ListSilencesInput>): Promise<Silence[]> {
    const { includeExpired } = ListSilencesInput.parse(raw);
    return this.store.listSilences({ includeExpired, at: this.parts.clock.now() });
  }

  /** Ends a silence now; the evaluator unmarks its alerts on its next pass (kicked). */
  async expireSilence(req: RequestContext, raw: z.input<typeof AlertId>): Promise<Silence> {
    const { id } = AlertId.parse(raw);
    const silence = await this.store.expireSilence(id, actorRef(req.actor), this.parts.clock.now());
    if (!silence) throw notFound('silence', id);
    this.kick();
    return silence;
  }

  private who(req: RequestContext) {
    return describeActor(actorRef(req.actor));
  }

  private step(req: RequestContext, a: Alert, kind: string, reason: string, note?: string): AlertStep {
    return { kind, from: a.state, to: a.state, actor: actorRef(req.actor), reason, note: note ?? null };
  }

  /** Writes `next` (if `current` is still as read) with one step; a concurrent change answers CONFLICT. */
  private async write(
    req: RequestContext,
    current: Alert,
    next: Alert,
    s: { kind: string; reason: string; note?: string },
  ) {
    const step: AlertStep = { ...this.step(req, current, s.kind, s.reason, s.note), to: next.state };
    const written = await this.store.apply([{ alert: next, insert: false, expect: expectOf(current), steps: [step] }]);
    if (!written.length) throw conflict(`alert ${current.id} changed meanwhile; look again`);
    req.log.info({ alert: current.id, step: s.kind }, 'alert handled');
    return alertItem(next);
  }

  private async alert(id: string): Promise<Alert> {
    const alert = await this.store.getAlert(id);
    if (!alert) throw notFound('alert', id);
    return alert;
  }

  private async open(id: string, verb: string): Promise<Alert> {
    const alert = await this.alert(id);
    if (alert.state === 'resolved')
      throw conflict(`alert ${id} is resolved: it cannot be ${verb}`, { state: 'resolved' });
    return alert;
  }
}
