import { SignInInput } from '@/server/core/security/auth-service';
import { SESSION_COOKIE } from '../context';
import { procedure, router } from '../init';

export const authRouter = router({
  signIn: procedure.input(SignInInput).mutation(async ({ ctx, input }) => {
    const { sessionToken, expiresAt, user } = await ctx.runtime.core.auth.signIn(input);
    const maxAge = Math.floor((expiresAt - Date.now()) / 1000);
    ctx.resHeaders?.append(
      'set-cookie',
      `${SESSION_COOKIE}=${sessionToken}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}`,
    );
    return { user };
  }),

  signOut: procedure.mutation(async ({ ctx }) => {
    if (ctx.sessionToken) await ctx.runtime.core.auth.signOut(ctx.sessionToken);
    ctx.resHeaders?.append('set-cookie', `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`);
    return { ok: true as const };
  }),

  me: procedure.query(({ ctx }) => ({ kind: ctx.req.actor.kind, name: ctx.req.actor.name, role: ctx.req.actor.role })),
});
