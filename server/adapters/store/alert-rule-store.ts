import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { alertRules } from '@/db/schema';
import type { ActorRef } from '@/server/core/access/actor';
import type { AlertRule } from '@/server/core/alerts/alert-model';
import type { AlertStore } from '@/server/core/alerts/ports';

type Row = typeof alertRules.$inferSelect;

const toRule = (r: Row): AlertRule => ({
  ...r,
  comparison: r.comparison as AlertRule['comparison'],
  severity: r.severity as AlertRule['severity'],
  createdBy: r.createdBy ?? null,
  updatedBy: r.updatedBy ?? null,
  createdAt: r.createdAt.getTime(),
  updatedAt: r.updatedAt.getTime(),
});

const isUniqueViolation = (e: unknown): boolean => {
  for (let c = e; c; c = (c as { cause?: unknown }).cause) if ((c as { code?: string }).code === '23505') return true;
  return false;
};

/** The rule half of the alert store: built-in rules seeded by id, operators' rules by unique name. */
export function createAlertRuleStore(
  db: Db,
): Pick<AlertStore, 'listRules' | 'getRule' | 'seedRules' | 'createRule' | 'updateRule' | 'deleteRule'> {
  return {
    async listRules() {
      const found = await db
        .select()
        .from(alertRules)
        .orderBy(sql`${alertRules.builtin} desc`, asc(alertRules.name));
      return found.map(toRule);
    },
    async getRule(id) {
      const [r] = await db.select().from(alertRules).where(eq(alertRules.id, id));
      return r ? toRule(r) : null;
    },
    async seedRules(rules) {
      if (!rules.length) return;
      await db
        .insert(alertRules)
        .values(
          rules.map((r) => ({
            filters: [],
            labels: {},
            params: {},
            ...r,
            builtin: true,
            enabled: true,
          })),
        )
        .onConflictDoNothing();
    },
    async createRule(rule) {
      const [r] = await db
        .insert(alertRules)
        .values({ ...rule, updatedBy: rule.createdBy })
        .onConflictDoNothing()
        .returning();
      return r ? toRule(r) : null;
    },
    async updateRule(id, patch, by: ActorRef) {
      const { id: _id, builtin: _b, createdAt: _c, createdBy: _cb, updatedAt: _u, ...rest } = patch;
      try {
        const [r] = await db
          .update(alertRules)
          .set({ ...rest, updatedBy: by, updatedAt: new Date() })
          .where(eq(alertRules.id, id))
          .returning();
        return r ? toRule(r) : null;
      } catch (e) {
        if (isUniqueViolation(e)) return null;
        throw e;
      }
    },
    async deleteRule(id) {
      const gone = await db.delete(alertRules).where(eq(alertRules.id, id)).returning({ id: alertRules.id });
      return gone.length > 0;
    },
  };
}
