import type { OutputOf } from '../generate/doc-types';

/** Sample values shared by several procedures' examples, typed against the router's outputs. */

const T0 = 1_780_000_000_000;

/** The README's admin token, as records name who acted. */
export const ADMIN_ACTOR = { kind: 'api-token' as const, id: 'tok_mwu6mu0admin0000000', name: 'admin' };

type AgentDetail = OutputOf<'agents.get'>;

const agentBase: Omit<AgentDetail, 'contextKeys' | 'contextPolicy' | 'consolidate'> = {
  id: 'agt_mwu6mu5waf06ce63903a',
  name: 'my-shell-agent',
  runtime: 'shell',
  capabilities: [
    { name: 'bash', level: 1 },
    { name: 'python', level: 0.8 },
  ],
  maxConcurrency: 2,
  labels: { team: 'docs' },
  status: 'busy',
  activeTasks: 1,
  contextWindow: 200000,
  contextUsed: 12000,
  load: 0.1,
  registeredAt: T0,
  lastHeartbeatAt: T0 + 61_000,
  statusChangedAt: T0 + 30_000,
  activity: { state: 'working', detail: 'running tests', at: T0 + 30_000 },
  parkedUntil: null,
  sessionId: null,
  poolId: null,
  lastWorkAt: T0 + 30_000,
  breaker: 'closed',
  hold: null,
};

export const AGENT = {
  id: agentBase.id,
  token: 'fda_S0EXfVKLmDXUiDZYX4l9VQ0_HN7dFwtH',
  listed: agentBase,
  detail: {
    ...agentBase,
    contextKeys: ['repo:web'],
    contextPolicy: { consolidateAt: 0.85, fullAt: 0.95 },
    consolidate: false,
  } satisfies AgentDetail,
  /** As lifecycle actions answer: the stored agent, without routing's view of it. */
  stored: (({ breaker: _b, hold: _h, ...rest }) => rest)(agentBase),
};

const task: OutputOf<'tasks.get'> = {
  id: 'tsk_mwu6mu9cd6a6156fee35',
  title: 'Run the linter',
  payload: { cmd: 'npm run lint' },
  capabilities: ['bash'],
  priority: 'high',
  status: 'succeeded',
  attempt: 1,
  maxAttempts: 3,
  agentId: AGENT.id,
  contextKey: null,
  project: 'default',
  concurrencyKey: null,
  concurrencyLimit: null,
  dependsOn: [],
  idempotencyKey: null,
  timeoutMs: null,
  submittedBy: ADMIN_ACTOR,
  result: { exitCode: 0, output: 'no problems' },
  error: null,
  progressPercent: 100,
  progressMessage: 'linting 120 files',
  createdAt: T0 + 29_000,
  queuedAt: T0 + 29_000,
  assignedAt: T0 + 29_030,
  startedAt: T0 + 29_300,
  finishedAt: T0 + 41_000,
  retryAt: null,
  leaseExpiresAt: null,
};

const { payload: _p, result: _r, ...summary } = task;

const decision: OutputOf<'overview.decisions'>[number] = {
  id: 'dec_mwu6mua0d0c5e2b1a9f0',
  taskId: task.id,
  taskTitle: task.title,
  attempt: 1,
  strategy: 'composite',
  winnerAgentId: AGENT.id,
  winnerAgentName: AGENT.listed.name,
  candidates: [
    {
      agentId: AGENT.id,
      agentName: AGENT.listed.name,
      score: 9.25,
      activeTasks: 0,
      maxConcurrency: 2,
      terms: { capabilityFit: 2, load: 3, affinity: 0, health: 1, successRate: 0.75, latency: 0.5, breaker: 2 },
    },
  ],
  candidateCount: 1,
  excluded: [{ agentId: 'agt_mwu6mtz1f5c3e8a2b7d4', agentName: 'demo-agent-1', reason: 'missing capability bash' }],
  excludedCount: 6,
  decidedAt: T0 + 29_030,
  durationUs: 412,
};

export const TASK = {
  id: task.id,
  full: task,
  summary: { ...summary, payloadBytes: 24, resultBytes: 38 } satisfies OutputOf<'tasks.list'>['items'][number],
  decision,
};

export const TIME = { T0 };
