import { defineSection } from '../generate/doc-types';
import { TASK, TIME } from './examples';

const deadTask = {
  ...TASK.full,
  status: 'dead-lettered' as const,
  attempt: 3,
  result: null,
  error: 'npm run lint exited with code 1',
  progressPercent: null,
  progressMessage: null,
};

export default defineSection({
  doc: 'api',
  id: 'dead-letters',
  title: 'Dead letters',
  page: '/tasks?status=dead-lettered',
  intro:
    'A task that used up its `maxAttempts` is `dead-lettered`: nothing runs it again until an operator retries or discards it.',
  procedures: {
    'tasks.retry': {
      summary:
        'Puts a dead-lettered, failed or cancelled task back in the queue with a fresh set of attempts (its earlier attempts stay in its history).',
      example: {
        input: { id: TASK.id },
        output: { ...deadTask, status: 'queued', maxAttempts: 6, queuedAt: TIME.T0 + 120_000, finishedAt: null },
      },
      returns: 'the task, `queued`, its `maxAttempts` raised by the attempts it had.',
      errors: { NOT_FOUND: 'no task with that id', CONFLICT: 'the task is not dead-lettered, failed or cancelled' },
    },
    'tasks.retryDeadLetters': {
      summary: 'Retries every dead-lettered task matching all the filters given (no filter: all of them).',
      fields: {
        capability: 'tasks requiring this capability',
        errorContains: 'tasks whose last error contains this text (any case)',
        project: 'tasks of this project',
      },
      example: { input: { capability: 'bash', errorContains: 'timed out' }, output: { count: 12 } },
      returns: '`{count}`: how many went back to the queue.',
    },
    'tasks.countDeadLetters': {
      summary:
        'How many dead letters `tasks.retryDeadLetters` would retry with the same filters (the dashboard asks before retrying them).',
      fields: {
        capability: 'tasks requiring this capability',
        errorContains: 'tasks whose last error contains this text (any case)',
        project: 'tasks of this project',
      },
      example: { input: { capability: 'bash' }, output: { count: 12 } },
      returns: '`{count}`.',
    },
    'tasks.discard': {
      summary:
        'Drops a dead-lettered task for good: it becomes `cancelled`, with the error “discarded from the dead-letter queue”.',
      example: {
        input: { id: TASK.id },
        output: {
          ...deadTask,
          status: 'cancelled',
          error: 'discarded from the dead-letter queue',
          finishedAt: TIME.T0 + 130_000,
        },
      },
      returns: 'the task.',
      errors: { NOT_FOUND: 'no task with that id', CONFLICT: 'the task is not dead-lettered' },
    },
  },
});
