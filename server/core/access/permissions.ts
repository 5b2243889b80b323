import type { Actor, Role } from './actor';

/**
 * What a verb needs. Roles are sets of these; a verb names exactly one (plus, for a few, one
 * more that depends on what the input changes, such as a pool's provider settings).
 */
export const PERMISSIONS = {
  public: 'anyone, signed in or not (signing in)',
  'session:self': 'ask who one is (auth.me)',
  'fleet:read': 'read agents, tasks, pools, routing, metrics and live events',
  'analysis:run': 'read-only computations over recorded data (what-if replays)',
  'tasks:submit': 'submit tasks',
  'tasks:operate': 'cancel, retry, discard and reprioritise tasks; retry dead letters',
  'agents:operate': 'drain, resume, sleep, wake and terminate agents',
  'breakers:operate': 'reset or force open circuit breakers',
  'routing:change': 'change the routing strategy and its weights',
  'pools:operate': "change pools' sizes, cool-downs, windows and enable or disable them",
  'pools:configure': 'create and delete pools, change their provider, adapter and provider settings',
  'agents:enrol': 'register agents (issue their tokens)',
  'alerts:operate':
    'acknowledge, assign, silence and resolve alerts (a remedy also needs the permission of what it does)',
  'alerts:configure': 'create, change and delete alert rules',
  'integrations:manage': 'manage notification channels and webhook hooks (outgoing requests, their secrets)',
  'users:manage': 'manage users and their roles',
  'tokens:manage': 'issue and revoke API tokens',
  'data:backup': 'take backups of the embedded database',
  'agent:status': 'an agent reading its own status (even once terminated)',
  'agent:self': 'an agent taking and reporting its own work',
} as const;

export type Permission = keyof typeof PERMISSIONS;

const VIEWER: Permission[] = ['public', 'session:self', 'fleet:read', 'analysis:run'];
const OPERATOR: Permission[] = [
  ...VIEWER,
  'tasks:submit',
  'tasks:operate',
  'agents:operate',
  'breakers:operate',
  'routing:change',
  'pools:operate',
  'alerts:operate',
  'alerts:configure',
];
const ADMIN: Permission[] = [
  ...OPERATOR,
  'pools:configure',
  'agents:enrol',
  'users:manage',
  'tokens:manage',
  'data:backup',
  'integrations:manage',
];

export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  viewer: new Set(VIEWER),
  operator: new Set(OPERATOR),
  admin: new Set(ADMIN),
};

const AGENT = new Set<Permission>(['public', 'session:self', 'agent:status', 'agent:self']);
const TERMINATED_AGENT = new Set<Permission>(['public', 'agent:status']);
const ANONYMOUS = new Set<Permission>(['public']);

/** Everything an actor may do; someone not signed in may only sign in. */
export function permissionsOf(actor: Actor): ReadonlySet<Permission> {
  switch (actor.kind) {
    case 'user':
    case 'api-token':
      return ROLE_PERMISSIONS[actor.role];
    case 'agent':
      return actor.terminated ? TERMINATED_AGENT : AGENT;
    case 'system':
      return ROLE_PERMISSIONS.admin;
    case 'anonymous':
      return ANONYMOUS;
  }
}
