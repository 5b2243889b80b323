import { describe, expect, it } from 'vitest';
import {
  deadLetterFiltersToQuery,
  deadLetterListInput,
  isDeadLetterListKey,
  matchesRetryFilters,
  NO_DEAD_LETTER_FILTERS,
  parseDeadLetterFilters,
  retryMatchingInput,
} from './dead-letter-filters';

describe('dead-letter filters', () => {
  it('round-trips through the URL, trimmed, leaving empty filters out', () => {
    const f = { search: ' deploy ', capability: 'gpu', errorContains: 'OOM killed', project: '' };
    const q = deadLetterFiltersToQuery(f);
    expect(q).toBe('?q=deploy&capability=gpu&error=OOM+killed');
    expect(parseDeadLetterFilters(new URLSearchParams(q.slice(1)))).toEqual({ ...f, search: 'deploy' });
    expect(deadLetterFiltersToQuery(NO_DEAD_LETTER_FILTERS)).toBe('');
    expect(parseDeadLetterFilters({ capability: ['a', 'b'] }).capability).toBe('a');
  });

  it('sends only the set filters to retry-all, and the search only to the list', () => {
    const f = { search: 'x', capability: ' gpu ', errorContains: '', project: 'web' };
    expect(retryMatchingInput(f)).toEqual({ capability: 'gpu', project: 'web' });
    expect(retryMatchingInput(NO_DEAD_LETTER_FILTERS)).toEqual({});
    expect(deadLetterListInput(f)).toEqual({ status: ['dead-lettered'], search: 'x', limit: 50 });
    expect(deadLetterListInput(NO_DEAD_LETTER_FILTERS).search).toBeUndefined();
  });

  it('matches rows the way the server picks them', () => {
    const task = { capabilities: ['gpu', 'python'], error: 'Worker was OOM-killed', project: 'web' };
    const f = (over: Partial<typeof NO_DEAD_LETTER_FILTERS>) => ({ ...NO_DEAD_LETTER_FILTERS, ...over });
    expect(matchesRetryFilters(task, NO_DEAD_LETTER_FILTERS)).toBe(true);
    expect(matchesRetryFilters(task, f({ capability: 'gpu', errorContains: 'oom', project: 'web' }))).toBe(true);
    expect(matchesRetryFilters(task, f({ capability: 'gp' }))).toBe(false);
    expect(matchesRetryFilters(task, f({ project: 'we' }))).toBe(false);
    expect(matchesRetryFilters({ ...task, error: null }, f({ errorContains: 'oom' }))).toBe(false);
    // The title search is not a retry filter.
    expect(matchesRetryFilters(task, f({ search: 'nothing like it' }))).toBe(true);
  });

  it('recognises the dead-letter queue among cached task lists', () => {
    expect(
      isDeadLetterListKey([['tasks', 'list'], { input: { status: ['dead-lettered'], limit: 50 }, type: 'infinite' }]),
    ).toBe(true);
    expect(
      isDeadLetterListKey([['tasks', 'list'], { input: { status: ['dead-lettered', 'failed'] }, type: 'query' }]),
    ).toBe(false);
    expect(isDeadLetterListKey([['tasks', 'list'], { input: { limit: 25 }, type: 'infinite' }])).toBe(false);
    expect(isDeadLetterListKey([['tasks', 'detail'], { input: { status: ['dead-lettered'] }, type: 'query' }])).toBe(
      false,
    );
    expect(isDeadLetterListKey(['tasks'])).toBe(false);
  });
});
