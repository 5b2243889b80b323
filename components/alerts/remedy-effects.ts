import type { AlertRemedy } from './types';

/** What each remedy does, for its confirmation: the server's label names the target, this says the consequence. */
export const REMEDY_EFFECTS: Record<AlertRemedy['action'], string> = {
  'drain-agent': 'The agent finishes what it is running and takes no new work until someone resumes it.',
  'restart-agent': 'The agent is terminated (its running task goes back to the queue); its pool starts a fresh one.',
  'retry-dead-letters': 'The matching dead letters go back to the queue with a fresh set of attempts.',
  'scale-pool':
    'The pool’s size goes up by one now: its provider starts a new agent (the autoscaler may shrink it again when idle).',
  'reset-breaker': 'The breaker closes with a fresh window: routing sends work there again.',
  'wake-pool': 'The sleeping agents wake and take work from the queue.',
};
