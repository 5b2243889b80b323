import { describe, expect, it } from 'vitest';
import { alertFiltersToQuery, alertListInput, parseAlertFilters } from './alert-filters';

describe('alert filters', () => {
  it('default to the open alerts of every severity, and ask the server for nothing more', () => {
    const f = parseAlertFilters(new URLSearchParams(''));
    expect(f).toEqual({ state: 'open', severity: 'all' });
    expect(alertListInput(f)).toEqual({});
    expect(alertFiltersToQuery(f)).toBe('');
  });

  it('round-trip through the URL, and read unknown values as the default', () => {
    const f = parseAlertFilters({ state: 'resolved', severity: 'critical' });
    expect(alertListInput(f)).toEqual({ state: 'resolved', severity: 'critical' });
    expect(parseAlertFilters(new URLSearchParams(alertFiltersToQuery(f).slice(1)))).toEqual(f);
    expect(parseAlertFilters({ state: 'exploded', severity: ['warning', 'info'] })).toEqual({
      state: 'open',
      severity: 'warning',
    });
  });
});
