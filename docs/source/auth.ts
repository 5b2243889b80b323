import { defineSection } from '../generate/doc-types';

export default defineSection({
  doc: 'api',
  id: 'auth',
  title: 'Auth',
  page: '/signin',
  intro:
    'Programs send an API token (`Authorization: Bearer <token>`); the dashboard signs in and holds a session cookie, `fd_session`, which only same-origin requests may use to change anything.',
  procedures: {
    'auth.signIn': {
      summary:
        'Signs a user in: the answer sets the session cookie (`fd_session`, HttpOnly, SameSite=Lax, valid 7 days).',
      example: {
        input: { username: 'admin', password: 'a long passphrase' },
        output: { user: { name: 'admin', role: 'admin' } },
      },
      errors: { UNAUTHORIZED: 'wrong username or password' },
    },
    'auth.signOut': {
      summary: 'Ends the session of the cookie sent, if any, and clears the cookie.',
      example: { output: { ok: true } },
    },
    'auth.me': {
      summary: 'Who the caller is: a signed-in user, an API token or an agent.',
      example: { output: { kind: 'api-token', name: 'admin', role: 'admin' } },
      returns:
        '`{kind: "user"|"api-token"|"agent", name, role}`; `role` (`viewer`, `operator`, `admin`) is null for agents.',
    },
  },
});
