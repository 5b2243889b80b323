import type { Permission } from './permissions';

export interface VerbRule {
  permission: Permission;
  /** Reads change nothing; writes change state and record who made them. */
  access: 'read' | 'write';
}

const read = (permission: Permission): VerbRule => ({ permission, access: 'read' });
const write = (permission: Permission): VerbRule => ({ permission, access: 'write' });

/**
 * The one permission map: every verb the API exposes, with the permission it needs. A verb
 * without an entry cannot be called (the API refuses it), and a test calls every procedure as
 * every kind of caller against this map.
 */
export const VERB_MAP = {
  // Signing in and out
  'auth.signIn': write('public'),
  // Ends only the caller's own session, and must clear an expired cookie too: nobody is refused.
  'auth.signOut': write('public'),
  'auth.me': read('session:self'),

  // The agent protocol: an agent token acting on itself
  'agents.heartbeat': write('agent:status'),
  'agents.me': read('agent:status'),
  'agents.signOff': write('agent:self'),
  'agents.deregister': write('agent:self'),
  'work.poll': write('agent:self'),
  'work.pollBatch': write('agent:self'),
  'work.start': write('agent:self'),
  'work.progress': write('agent:self'),
  'work.complete': write('agent:self'),
  'work.release': write('agent:self'),
  'work.fail': write('agent:self'),

  // Agents
  'agents.register': write('agents:enrol'),
  'agents.list': read('fleet:read'),
  'agents.get': read('fleet:read'),
  'agents.logs': read('fleet:read'),
  'agents.breaker': read('fleet:read'),
  'agents.drain': write('agents:operate'),
  'agents.resume': write('agents:operate'),
  'agents.sleep': write('agents:operate'),
  'agents.wake': write('agents:operate'),
  'agents.terminate': write('agents:operate'),
  'agents.resetBreaker': write('breakers:operate'),
  'agents.forceOpenBreaker': write('breakers:operate'),

  // Tasks and dead letters
  'tasks.submit': write('tasks:submit'),
  'tasks.get': read('fleet:read'),
  'tasks.detail': read('fleet:read'),
  'tasks.list': read('fleet:read'),
  'tasks.whyPending': read('fleet:read'),
  'tasks.cancel': write('tasks:operate'),
  'tasks.retry': write('tasks:operate'),
  'tasks.retryDeadLetters': write('tasks:operate'),
  'tasks.discard': write('tasks:operate'),
  'tasks.setPriority': write('tasks:operate'),
  'tasks.cancelMany': write('tasks:operate'),
  'tasks.retryMany': write('tasks:operate'),
  'tasks.setPriorityMany': write('tasks:operate'),
  'tasks.countDeadLetters': read('fleet:read'),

  // Routing
  'balancing.policy': read('fleet:read'),
  'balancing.setStrategy': write('routing:change'),
  'balancing.distribution': read('fleet:read'),
  'balancing.decisions': read('fleet:read'),
  'balancing.whatIf': read('analysis:run'),

  // Pools
  'pools.list': read('fleet:read'),
  'pools.get': read('fleet:read'),
  'pools.providers': read('fleet:read'),
  'pools.decisions': read('fleet:read'),
  'pools.samples': read('fleet:read'),
  'pools.create': write('pools:configure'),
  'pools.update': write('pools:operate'),
  'pools.remove': write('pools:configure'),

  // Alerts, silences and rules
  'alerts.list': read('fleet:read'),
  'alerts.get': read('fleet:read'),
  'alerts.counts': read('fleet:read'),
  'alerts.acknowledge': write('alerts:operate'),
  'alerts.assign': write('alerts:operate'),
  'alerts.resolve': write('alerts:operate'),
  // The remedy's own permission (agents:operate, tasks:operate…) is checked by the core as well.
  'alerts.remedy': write('alerts:operate'),
  'alerts.silence': write('alerts:operate'),
  'alerts.silences': read('fleet:read'),
  'alerts.expireSilence': write('alerts:operate'),
  'alerts.rules.list': read('fleet:read'),
  'alerts.rules.create': write('alerts:configure'),
  'alerts.rules.update': write('alerts:configure'),
  'alerts.rules.delete': write('alerts:configure'),

  // Notification channels and hooks (outgoing, signed requests)
  'channels.list': read('fleet:read'),
  'channels.create': write('integrations:manage'),
  'channels.update': write('integrations:manage'),
  'channels.delete': write('integrations:manage'),
  'channels.test': write('integrations:manage'),
  'channels.deliveries': read('fleet:read'),
  'hooks.list': read('fleet:read'),
  'hooks.catalogue': read('fleet:read'),
  'hooks.create': write('integrations:manage'),
  'hooks.delete': write('integrations:manage'),
  'hooks.deliveries': read('fleet:read'),
  'hooks.redeliver': write('integrations:manage'),

  // Overview, live events, the system
  'overview.get': read('fleet:read'),
  'overview.decisions': read('fleet:read'),
  'overview.series': read('fleet:read'),
  'events.live': read('fleet:read'),
  'system.info': read('fleet:read'),
  'system.replicas': read('fleet:read'),

  // HTTP endpoints outside tRPC
  'data.backup': write('data:backup'),
} as const satisfies Record<string, VerbRule>;

export type VerbName = keyof typeof VERB_MAP;

export const isVerb = (name: string): name is VerbName => Object.hasOwn(VERB_MAP, name);
