import { defineSection } from '../generate/doc-types';
import { TASK } from './examples';

const LEASE = 'adea765a-0cb9-40e5-a10a-4a00def06eff';
const assignment = {
  taskId: TASK.id,
  attempt: 1,
  leaseToken: LEASE,
  title: 'Run the linter',
  payload: { cmd: 'npm run lint' },
  capabilities: ['bash'],
  priority: 'high' as const,
  contextKey: null,
  timeoutMs: null,
};
const staleLease =
  'the lease is stale (the task went to another attempt or agent) or the task already finished; the message says which, and nothing changed';

export default defineSection({
  doc: 'agent-protocol',
  id: 'work',
  title: 'Work',
  intro:
    'Long-poll for assignments, then report on each under its lease (`taskId` + `leaseToken`). Every report with a lease that is no longer the task’s current one answers 409 `CONFLICT` and changes nothing.',
  procedures: {
    'work.poll': {
      summary: 'Waits up to `waitMs` for an assignment and answers as soon as there is one, or `null`.',
      details:
        'With `"start": true` the assignment comes back already started (no `work.start` round trip). Without it, the agent must call `work.start` within the accept deadline ({{env FLIGHTDECK_ACCEPT_DEADLINE_MS}} ms by default) or the task is requeued as a new attempt. A poll also counts as a sign of life.',
      fields: {
        waitMs: 'how long to hold the request open when nothing is assigned; `0` answers at once',
        start: 'answer with the task already `running`',
      },
      example: { input: { waitMs: 25000, start: true }, output: assignment },
      returns:
        'an assignment, or `null` when `waitMs` passed without one. `timeoutMs` is the task’s own run-time limit (null: the server’s default).',
    },
    'work.pollBatch': {
      summary:
        '`work.poll` for an agent that runs several tasks at once: answers as soon as there is at least one assignment, with up to `max`.',
      details: 'Never hands out more than the agent’s free capacity (`maxConcurrency` minus the tasks it holds).',
      fields: { waitMs: 'as in `work.poll`', max: 'most assignments in one answer', start: 'as in `work.poll`' },
      example: { input: { waitMs: 25000, max: 4, start: true }, output: { assignments: [assignment] } },
      returns: '`{assignments}`: an empty list when `waitMs` passed without work.',
    },
    'work.start': {
      summary: 'Accepts an assignment: the task becomes `running` and its lease turns into a running lease.',
      details:
        'The running lease lasts {{env FLIGHTDECK_STALL_TIMEOUT_MS}} ms by default; every heartbeat or progress report of the agent renews it.',
      example: { input: { taskId: TASK.id, leaseToken: LEASE }, output: { status: 'running' } },
      errors: { NOT_FOUND: 'no task with that id', CONFLICT: staleLease },
    },
    'work.progress': {
      summary: 'Reports progress on a running task; it renews the task’s lease and shows on the dashboard.',
      fields: {
        message: `at most {{env FLIGHTDECK_MAX_PROGRESS_CHARS}} characters by default`,
        percent: 'share done, 0–100',
      },
      example: {
        input: { taskId: TASK.id, leaseToken: LEASE, message: 'linting 120 files', percent: 50 },
        output: { ok: true },
      },
      errors: { BAD_REQUEST: 'a message over the limit', NOT_FOUND: 'no task with that id', CONFLICT: staleLease },
    },
    'work.complete': {
      summary: 'Reports success with an optional result; the task becomes `succeeded`.',
      details:
        'Repeating the call with the same lease (an agent that lost the first answer) answers `succeeded` again and changes nothing.',
      fields: { result: 'any JSON, at most {{env FLIGHTDECK_MAX_RESULT_BYTES}} bytes by default' },
      example: {
        input: { taskId: TASK.id, leaseToken: LEASE, result: { exitCode: 0, output: 'no problems' } },
        output: { status: 'succeeded' },
      },
      errors: { BAD_REQUEST: 'a result over the limit', NOT_FOUND: 'no task with that id', CONFLICT: staleLease },
    },
    'work.fail': {
      summary: 'Reports a failed attempt: a retryable one waits out its backoff and runs again while attempts remain.',
      details:
        'The next attempt waits a backoff with full jitter, uniform in [0, min({{env FLIGHTDECK_RETRY_CAP_MS}} ms, {{env FLIGHTDECK_RETRY_BASE_MS}} ms · 2^(n−1))] after attempt n. When `maxAttempts` are used up the task is `dead-lettered`; a non-retryable failure makes it `failed` at once.',
      fields: { error: 'what went wrong, shown to operators', retryable: '`false`: do not try again' },
      example: {
        input: { taskId: TASK.id, leaseToken: LEASE, error: 'npm run lint exited with code 1', retryable: true },
        output: { status: 'retry-wait' },
      },
      returns: '`{status}`: `retry-wait`, `dead-lettered` or `failed`.',
      errors: { NOT_FOUND: 'no task with that id', CONFLICT: staleLease },
    },
    'work.release': {
      summary: 'Hands a task back to the queue without counting a failure (the agent is draining, or rate-limited).',
      details:
        'The task keeps its place in the queue and the attempt does not use up its budget; another capable agent can take it at once.',
      fields: { reason: 'why, shown in the task’s history' },
      example: {
        input: { taskId: TASK.id, leaseToken: LEASE, reason: 'rate-limited until 10:22 UTC' },
        output: { ok: true },
      },
      errors: { NOT_FOUND: 'no task with that id', CONFLICT: staleLease },
    },
  },
});
