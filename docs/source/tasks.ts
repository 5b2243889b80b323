import { PENDING_CODES } from '@/server/core/scheduler/pending-reasons';
import { defineSection, type OutputOf } from '../generate/doc-types';
import { AGENT, TASK, TIME } from './examples';

const notFound = { NOT_FOUND: 'no task with that id' };

export default defineSection({
  doc: 'api',
  id: 'tasks',
  title: 'Tasks',
  page: '/tasks',
  intro:
    'A task’s `status` is one of `blocked` (waiting for its dependencies), `queued`, `retry-wait`, `assigned`, `running`, `succeeded`, `failed`, `dead-lettered`, `cancelled`. Priorities, from first to last: `critical`, `high`, `normal`, `low`, `background`; a waiting task gains one level every {{env FLIGHTDECK_AGING_STEP_MS}} ms (README, “Routing and queueing”).',
  procedures: {
    'tasks.submit': {
      summary: 'Submits one task, or a batch of up to 1,000 all or nothing.',
      details:
        'A task with an `idempotencyKey` that was seen before is not created again: its id comes back instead. A task whose `dependsOn` are not all `succeeded` starts `blocked` and is queued when they are; it is cancelled with the reason if one of them fails or is cancelled.',
      forms: ['a batch', 'one task'],
      fields: {
        tasks: 'the tasks, submitted in one transaction',
        title: 'shown everywhere; the agent’s prompt when the payload has none',
        payload: 'any JSON for the agent, at most 256 KB (`payload.prompt` is the coding CLIs’ prompt)',
        capabilities: 'every one is required of the agent',
        maxAttempts: 'attempts before the task is dead-lettered',
        contextKey: 'routing prefers an agent that holds this context (a repository, a conversation)',
        idempotencyKey: 'submitting the same key again returns the first task’s id',
        timeoutMs: `run-time limit of one attempt (default {{env FLIGHTDECK_TASK_TIMEOUT_MS}} ms)`,
        project: 'fair-share group: projects share agents by weight within a priority',
        concurrencyKey: 'tasks sharing a key run at most `concurrencyLimit` at a time',
        concurrencyLimit: 'default 1; needs a `concurrencyKey`',
        dependsOn: 'ids of existing tasks that must succeed first',
      },
      example: {
        input: { title: 'Run the linter', payload: { cmd: 'npm run lint' }, capabilities: ['bash'], priority: 'high' },
        output: { ids: [TASK.id] },
      },
      returns: '`{ids}`, in the order submitted.',
      errors: {
        BAD_REQUEST:
          'a dependency that does not exist or can no longer succeed (named by its field, e.g. `tasks.2.dependsOn.0`)',
      },
    },
    'tasks.get': {
      summary: 'One task with its payload and result.',
      example: { input: { id: TASK.id }, output: TASK.full },
      returns: 'the task. Times are epoch ms; `leaseExpiresAt` is when an active task’s lease lapses.',
      errors: notFound,
    },
    'tasks.detail': {
      summary:
        'What the task page shows: the task, every attempt, its progress reports, the routing decision of each assignment, why it waits, and its lease.',
      example: {
        input: { id: TASK.id },
        output: {
          task: TASK.full,
          attempts: [
            {
              taskId: TASK.id,
              attempt: 1,
              agentId: AGENT.id,
              agentName: 'my-shell-agent',
              status: 'succeeded',
              queuedAt: TIME.T0 + 29_000,
              assignedAt: TIME.T0 + 29_030,
              startedAt: TIME.T0 + 29_300,
              finishedAt: TIME.T0 + 41_000,
              error: null,
            },
          ],
          progress: [
            { id: 1, taskId: TASK.id, attempt: 1, message: 'linting 120 files', percent: 50, at: TIME.T0 + 35_000 },
          ],
          decisions: [TASK.decision],
          // The inferred type misses the null case (`pending[id] ?? null` over a Record); null is what a finished task answers.
          pending: null as unknown as OutputOf<'tasks.detail'>['pending'],
          lease: null,
        },
      },
      returns:
        '`pending` is `{code, message}` while the task waits (as `tasks.whyPending`), else null; `lease` is `{kind: "accept"|"renew", expiresAt, remainingMs, timeoutAt, expired}` while it is assigned or running, else null. At most the latest 500 progress reports.',
      errors: notFound,
    },
    'tasks.setPriority': {
      summary: 'Reprioritises a task that has not finished: the queue orders it by the new priority at once.',
      example: {
        input: { id: TASK.id, priority: 'critical' },
        output: { ...TASK.full, status: 'queued', priority: 'critical' } as OutputOf<'tasks.setPriority'>,
      },
      returns: 'the task.',
      errors: { ...notFound, CONFLICT: 'the task has finished' },
    },
    'tasks.cancelMany': {
      summary:
        'Cancels up to 500 tasks in one statement (their blocked dependents too), saying for each id what happened.',
      fields: { ids: 'the tasks (1–500, no duplicates)' },
      example: {
        input: { ids: [TASK.id] },
        output: {
          action: 'cancel',
          results: [{ id: TASK.id, applied: true, status: 'cancelled', skipped: null }],
          applied: 1,
          skipped: 0,
          summary: 'Cancelled 1 task',
        } as OutputOf<'tasks.cancelMany'>,
      },
      returns:
        '`{action, results, applied, skipped, summary}`: per id `{id, applied, status, skipped}`, where `skipped` is `not-found` or `finished`.',
    },
    'tasks.retryMany': {
      summary:
        'Gives up to 500 failed, dead-lettered or cancelled tasks a fresh set of attempts, saying for each id what happened.',
      fields: { ids: 'the tasks (1–500, no duplicates)' },
      returns:
        'as `tasks.cancelMany`; `skipped` is `not-found` or `not-retryable` (the task is not failed, dead-lettered or cancelled).',
    },
    'tasks.setPriorityMany': {
      summary: 'Reprioritises up to 500 unfinished tasks, with each changed task’s previous priority (to undo).',
      fields: { ids: 'the tasks (1–500, no duplicates)', priority: 'the new priority' },
      returns:
        'as `tasks.cancelMany`, each changed result with `previousPriority`; `skipped` may also be `same-priority`.',
    },
    'tasks.list': {
      summary:
        'A page of tasks, newest first, filtered by status, priority, agent, text or a time window, with the reason each waiting one is not running.',
      fields: {
        status: 'keep tasks in any of these statuses',
        priority: 'keep tasks of any of these priorities',
        agentId: 'keep tasks assigned to (or last run by) this agent',
        search: 'a task id, or text in the title (any case)',
        cursor: 'the `nextCursor` of the previous page',
        limit: 'tasks per page',
        since: 'keep tasks whose `timeField` time is at or after this instant (epoch ms or ISO 8601)',
        until: 'keep tasks whose `timeField` time is before this instant; must be later than `since`',
        timeField: '`finished` (default: the finish time, as a throughput bar counts) or `created`',
      },
      example: {
        input: { status: ['queued', 'running'], limit: 50 },
        output: {
          items: [
            {
              ...TASK.summary,
              status: 'queued',
              agentId: null,
              resultBytes: null,
              progressPercent: null,
              progressMessage: null,
              assignedAt: null,
              startedAt: null,
              finishedAt: null,
            },
          ],
          nextCursor: null,
          pending: { [TASK.id]: { code: 'no-capable-agent', message: 'no agent has capability `bash`' } },
        },
      },
      returns:
        '`{items, nextCursor, pending}`: items are summaries, with `payloadBytes` and `resultBytes` instead of the payload and result (`tasks.get` has them); `nextCursor` is null on the last page; `pending` maps each waiting task’s id to `{code, message}`.',
    },
    'tasks.whyPending': {
      summary: 'Why a queued or blocked task is not running yet, or null when it is not waiting.',
      example: {
        input: { id: TASK.id },
        output: { code: 'no-capable-agent', message: 'no agent has capability `gpu`' },
      },
      returns: `\`{code, message}\` (\`code\` is one of ${PENDING_CODES.map((c) => `\`${c}\``).join(', ')}; \`message\` says it for people), or null.`,
      errors: notFound,
    },
    'tasks.cancel': {
      summary: 'Cancels a task that has not finished; an agent working on it sees its next report refused (409).',
      details: 'Cancelling a finished task changes nothing and answers it as it is.',
      example: {
        input: { id: TASK.id },
        output: { ...TASK.full, status: 'cancelled', result: null, progressPercent: null, progressMessage: null },
      },
      returns: 'the task.',
      errors: notFound,
    },
  },
});
