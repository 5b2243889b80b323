import type { Role } from '../model';

/** What sign-in and tokens need of storage. The adapters implement these; the core depends on nothing else. */

export interface AuthStore {
  tokenByHash(hash: string): Promise<{ id: string; name: string; role: Role } | null>;
  hasToken(name: string): Promise<boolean>;
  putToken(token: { name: string; hash: string; role: Role }): Promise<void>;
  userByName(name: string): Promise<{ id: string; name: string; role: Role; passwordHash: string } | null>;
  countUsers(): Promise<number>;
  /** Creates the user, or sets the password and role of the existing user of that name. */
  upsertUser(user: { name: string; passwordHash: string; role: Role }): Promise<void>;
  createSession(session: { hash: string; userId: string; expiresAt: number }): Promise<void>;
  sessionByHash(hash: string): Promise<{ id: string; name: string; role: Role } | null>;
  deleteSession(hash: string): Promise<void>;
}
