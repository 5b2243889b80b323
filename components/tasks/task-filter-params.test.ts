import { describe, expect, it } from 'vitest';
import { parseTaskFilters, taskFiltersToQuery, taskListInput } from './task-filter-params';

describe('the tasks page time window in the URL', () => {
  it('reads since/until as epoch ms or ISO, writes them back, and passes them to tasks.list', () => {
    const f = parseTaskFilters(
      new URLSearchParams('status=succeeded&since=1700000000000&until=2023-11-14T22:13:25.000Z'),
    );
    expect(f).toMatchObject({ status: ['succeeded'], since: 1_700_000_000_000, until: 1_700_000_005_000 });
    expect(taskFiltersToQuery(f)).toBe('?status=succeeded&since=1700000000000&until=1700000005000');
    expect(taskListInput(f)).toMatchObject({ since: 1_700_000_000_000, until: 1_700_000_005_000 });
  });

  it('drops a window the server would refuse, and garbage', () => {
    expect(parseTaskFilters(new URLSearchParams('since=2000&until=1000'))).toMatchObject({ since: null, until: null });
    expect(parseTaskFilters(new URLSearchParams('since=yesterday'))).toMatchObject({ since: null, until: null });
    expect(taskListInput(parseTaskFilters(new URLSearchParams('')))).toMatchObject({
      since: undefined,
      until: undefined,
    });
  });
});
