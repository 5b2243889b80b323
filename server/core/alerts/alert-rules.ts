import type { z } from 'zod';
import { actorRef } from '../access/actor';
import type { RequestContext } from '../access/request-context';
import { conflict, invalid, notFound } from '../errors';
import type { Store } from '../ports';
import { BUILTIN_EDITABLE, CreateRuleInput, UpdateRuleInput } from './alert-input';
import { type AlertRule, newAlertId } from './alert-model';
import { BUILTIN_RULES } from './builtin-rules';
import { METRICS } from './metric-catalogue';

/** Alert rules: the built-in ones (tunable, not deletable) and operators' own over the same metric catalogue. */
export class AlertRules {
  constructor(
    private readonly store: Store,
    private readonly onChange: () => void,
    private readonly now: () => number,
  ) {}

  private seeded: Promise<void> | null = null;

  /** Idempotent: a built-in rule missing (a new install, a new release) is added; an edited one is kept. */
  seed(): Promise<void> {
    this.seeded ??= this.store.alerts.seedRules(BUILTIN_RULES).catch((err) => {
      this.seeded = null;
      throw err;
    });
    return this.seeded;
  }

  async list(_req: RequestContext) {
    await this.seed();
    return { rules: await this.store.alerts.listRules(), metrics: METRICS };
  }

  async create(req: RequestContext, raw: z.input<typeof CreateRuleInput>): Promise<AlertRule> {
    const input = CreateRuleInput.parse(raw);
    const rule = await this.store.alerts.createRule({
      ...input,
      id: newAlertId('rule', this.now()),
      builtin: false,
      createdBy: actorRef(req.actor),
    });
    if (!rule) throw conflict(`name: a rule named ${input.name} already exists`);
    req.log.info({ rule: rule.id, metric: rule.metric }, 'alert rule created');
    this.onChange();
    return rule;
  }

  async update(req: RequestContext, raw: z.input<typeof UpdateRuleInput>): Promise<AlertRule> {
    const { id, ...patch } = UpdateRuleInput.parse(raw);
    const current = await this.get(id);
    if (current.builtin) {
      const locked = Object.keys(patch).filter((k) => !(BUILTIN_EDITABLE as readonly string[]).includes(k));
      if (locked.length) throw invalid(`${locked[0]}: a built-in rule's ${locked.join(', ')} cannot be changed`);
    }
    const rule = await this.store.alerts.updateRule(id, patch, actorRef(req.actor));
    if (!rule) throw conflict(`name: a rule named ${patch.name} already exists`);
    req.log.info({ rule: id, fields: Object.keys(patch) }, 'alert rule updated');
    this.onChange();
    return rule;
  }

  /** Its open alerts resolve on the next pass ("its rule was deleted"). */
  async delete(req: RequestContext, id: string): Promise<{ deleted: boolean }> {
    const current = await this.get(id);
    if (current.builtin) throw conflict(`rule ${current.name} is built in: disable it instead (enabled: false)`);
    await this.store.alerts.deleteRule(id);
    req.log.info({ rule: id }, 'alert rule deleted');
    this.onChange();
    return { deleted: true };
  }

  private async get(id: string): Promise<AlertRule> {
    await this.seed();
    const rule = await this.store.alerts.getRule(id);
    if (!rule) throw notFound('alert rule', id);
    return rule;
  }
}
