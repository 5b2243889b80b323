import { and, count, eq, gt } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { apiTokens, sessions, users } from '@/db/schema';
import type { Role } from '@/server/core/model';
import type { AuthStore } from '@/server/core/security/ports';
import { newId } from '@/server/core/shared/ids';

export function createAuthStore(db: Db): AuthStore {
  return {
    async tokenByHash(hash) {
      const [t] = await db
        .select({ id: apiTokens.id, name: apiTokens.name, role: apiTokens.role })
        .from(apiTokens)
        .where(eq(apiTokens.tokenHash, hash));
      return t ? { ...t, role: t.role as Role } : null;
    },
    async hasToken(name) {
      const [t] = await db.select({ id: apiTokens.id }).from(apiTokens).where(eq(apiTokens.name, name));
      return !!t;
    },
    async putToken(t) {
      await db
        .insert(apiTokens)
        .values({ id: newId('tok', Date.now()), name: t.name, tokenHash: t.hash, role: t.role })
        .onConflictDoUpdate({ target: apiTokens.name, set: { tokenHash: t.hash, role: t.role } });
    },
    async userByName(name) {
      const [u] = await db.select().from(users).where(eq(users.name, name));
      return u ? { id: u.id, name: u.name, role: u.role as Role, passwordHash: u.passwordHash } : null;
    },
    async countUsers() {
      const [r] = await db.select({ n: count() }).from(users);
      return Number(r?.n ?? 0);
    },
    async upsertUser(u) {
      await db
        .insert(users)
        .values({ id: newId('usr', Date.now()), name: u.name, passwordHash: u.passwordHash, role: u.role })
        .onConflictDoUpdate({ target: users.name, set: { passwordHash: u.passwordHash, role: u.role } });
    },
    async createSession(s) {
      await db.insert(sessions).values({ tokenHash: s.hash, userId: s.userId, expiresAt: new Date(s.expiresAt) });
    },
    async sessionByHash(hash) {
      const [u] = await db
        .select({ id: users.id, name: users.name, role: users.role })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(and(eq(sessions.tokenHash, hash), gt(sessions.expiresAt, new Date())));
      return u ? { ...u, role: u.role as Role } : null;
    },
    async deleteSession(hash) {
      await db.delete(sessions).where(eq(sessions.tokenHash, hash));
    },
  };
}
