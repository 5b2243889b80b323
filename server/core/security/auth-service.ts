import { z } from 'zod';
import { CoreError } from '../errors';
import type { Actor } from '../model';
import type { Clock, Logger, Store } from '../ports';
import { newSecret } from '../shared/ids';
import { hashPassword, hashSecret, verifyPassword } from './secrets';

export const SignInInput = z.object({
  username: z.string().trim().min(1, 'is required').max(128),
  password: z.string().min(1, 'is required').max(1024),
});

const SESSION_TTL_MS = 7 * 24 * 3600 * 1000;
/** Token look-ups are cached: they sit on every agent call's hot path. Revocation drops entries at once (forgetAgent). */
const CACHE_TTL_MS = 60_000;
const BOOTSTRAP_TOKEN_NAME = 'bootstrap-admin';
export const AGENT_TOKEN_PREFIX = 'fda_';

export interface BootstrapResult {
  /** Present only when generated now: shown once, never stored in clear. */
  generatedAdminToken?: string;
  generatedAdminPassword?: string;
  /** FLIGHTDECK_ADMIN_TOKEN differed from the admin token stored in the data directory, which stops working. */
  replacedAdminToken?: boolean;
}

export class AuthService {
  private cache = new Map<string, { actor: Actor | null; until: number }>();

  constructor(
    private readonly store: Store,
    private readonly log: Logger,
    private readonly clock: Clock,
  ) {}

  /** First start: an admin API token and a dashboard admin user, from the environment or generated. */
  async bootstrap(opts: { adminToken?: string; adminPassword?: string }): Promise<BootstrapResult> {
    const out: BootstrapResult = {};
    if (opts.adminToken) {
      const hash = hashSecret(opts.adminToken);
      if ((await this.store.auth.tokenByHash(hash))?.name !== BOOTSTRAP_TOKEN_NAME) {
        if (await this.store.auth.hasToken(BOOTSTRAP_TOKEN_NAME)) {
          out.replacedAdminToken = true;
          this.log.warn(
            {},
            'FLIGHTDECK_ADMIN_TOKEN differs from the admin token stored in this data directory: the stored one (printed at the first start, or set earlier) is revoked and only FLIGHTDECK_ADMIN_TOKEN works now',
          );
        }
        await this.store.auth.putToken({ name: BOOTSTRAP_TOKEN_NAME, hash, role: 'admin' });
      }
    } else if (!(await this.store.auth.hasToken(BOOTSTRAP_TOKEN_NAME))) {
      out.generatedAdminToken = newSecret('fd_admin');
      await this.store.auth.putToken({
        name: BOOTSTRAP_TOKEN_NAME,
        hash: hashSecret(out.generatedAdminToken),
        role: 'admin',
      });
    }
    if ((await this.store.auth.countUsers()) === 0) {
      const password = opts.adminPassword ?? newSecret('pw').slice(3, 19);
      if (!opts.adminPassword) out.generatedAdminPassword = password;
      await this.store.auth.upsertUser({ name: 'admin', passwordHash: await hashPassword(password), role: 'admin' });
    } else if (opts.adminPassword) {
      // An explicit password always wins, so an operator who lost it can reset it by restarting.
      const admin = await this.store.auth.userByName('admin');
      if (admin && !(await verifyPassword(opts.adminPassword, admin.passwordHash))) {
        await this.store.auth.upsertUser({
          name: 'admin',
          passwordHash: await hashPassword(opts.adminPassword),
          role: 'admin',
        });
      }
    }
    return out;
  }

  /** Resolves a Bearer token: an API token or an agent's token. */
  async authenticateBearer(token: string): Promise<Actor | null> {
    const hash = hashSecret(token);
    const hit = this.cache.get(hash);
    if (hit && hit.until > this.clock.now()) return hit.actor;
    // Agent tokens carry their prefix, so the usual case costs one look-up.
    const lookups = token.startsWith(AGENT_TOKEN_PREFIX)
      ? [this.agentByHash, this.apiTokenByHash]
      : [this.apiTokenByHash, this.agentByHash];
    let actor: Actor | null = null;
    for (const lookup of lookups) if (!actor) actor = await lookup(hash);
    if (this.cache.size > 50_000) this.cache.clear();
    this.cache.set(hash, { actor, until: this.clock.now() + CACHE_TTL_MS });
    return actor;
  }

  /** Forgets cached look-ups of one agent (its token was replaced, or it was terminated). */
  forgetAgent(agentId: string): void {
    for (const [hash, entry] of this.cache)
      if (entry.actor?.kind === 'agent' && entry.actor.id === agentId) this.cache.delete(hash);
  }

  private apiTokenByHash = async (hash: string): Promise<Actor | null> => {
    const t = await this.store.auth.tokenByHash(hash);
    return t ? { kind: 'api-token', id: t.id, name: t.name, role: t.role } : null;
  };

  private agentByHash = async (hash: string): Promise<Actor | null> => {
    const a = await this.store.agents.byTokenHash(hash);
    if (!a) return null;
    // A terminated agent's token still hears that it was terminated, so its worker stops cleanly.
    return a.status === 'terminated'
      ? { kind: 'agent', id: a.id, name: a.name, role: null, terminated: true }
      : { kind: 'agent', id: a.id, name: a.name, role: null };
  };

  async signIn(
    raw: z.input<typeof SignInInput>,
  ): Promise<{ sessionToken: string; expiresAt: number; user: { name: string; role: string } }> {
    const { username, password } = SignInInput.parse(raw);
    const user = await this.store.auth.userByName(username);
    if (!user || !(await verifyPassword(password, user.passwordHash))) {
      this.log.warn({ username }, 'sign-in refused');
      throw new CoreError('UNAUTHENTICATED', 'wrong username or password');
    }
    const sessionToken = newSecret('fds');
    const expiresAt = this.clock.now() + SESSION_TTL_MS;
    await this.store.auth.createSession({ hash: hashSecret(sessionToken), userId: user.id, expiresAt });
    return { sessionToken, expiresAt, user: { name: user.name, role: user.role } };
  }

  async sessionActor(sessionToken: string): Promise<Actor | null> {
    const user = await this.store.auth.sessionByHash(hashSecret(sessionToken));
    return user ? { kind: 'user', id: user.id, name: user.name, role: user.role } : null;
  }

  signOut(sessionToken: string): Promise<void> {
    return this.store.auth.deleteSession(hashSecret(sessionToken));
  }
}
