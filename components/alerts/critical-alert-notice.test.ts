import { describe, expect, it } from 'vitest';
import type { LiveEvent } from '@/server/trpc/routers/events';
import { criticalAlertNotice, NOTICE_MAX_AGE_MS } from './critical-alert-notice';

const firing = (over: Record<string, unknown> = {}, at = 1_000_000): LiveEvent => ({
  id: '7',
  at,
  name: 'alert:firing',
  payload: {
    alertId: 'alt_1',
    kind: 'firing',
    state: 'firing',
    previous: 'pending',
    rule: 'No capable agent',
    ruleId: 'builtin:no-capable-agent',
    severity: 'critical',
    labels: { capability: 'gpu' },
    summary: 'Queued work needs gpu and no healthy agent has it',
    groupKey: 'g',
    fingerprint: 'f',
    by: { kind: 'system', id: 'alert-evaluator', name: 'alert evaluator' },
    reason: 'held for 5s',
    note: null,
    silencedBy: null,
    inhibitedBy: null,
    ...over,
  },
});

describe('criticalAlertNotice', () => {
  it('announces a critical alert that starts firing, linking to it on the Alerts page', () => {
    expect(criticalAlertNotice(firing(), 1_000_500)).toEqual({
      alertId: 'alt_1',
      title: 'Critical alert: No capable agent',
      description: 'Queued work needs gpu and no healthy agent has it',
      href: '/alerts/alt_1',
    });
  });

  it('stays quiet for warnings, for other steps and for old events a resumed stream replays', () => {
    expect(criticalAlertNotice(firing({ severity: 'warning' }), 1_000_500)).toBeNull();
    expect(criticalAlertNotice({ ...firing(), name: 'alert:acknowledged' } as LiveEvent, 1_000_500)).toBeNull();
    expect(criticalAlertNotice(firing({ kind: 'unsilenced' }), 1_000_500)).toBeNull();
    expect(criticalAlertNotice(firing(), 1_000_000 + NOTICE_MAX_AGE_MS + 1)).toBeNull();
    expect(criticalAlertNotice({ id: 'r', at: 0, name: 'resync', payload: {} }, 0)).toBeNull();
  });

  it('stays quiet for a critical alert a silence or another alert already covers', () => {
    expect(criticalAlertNotice(firing({ silencedBy: 'sil_1' }), 1_000_500)).toBeNull();
    expect(criticalAlertNotice(firing({ inhibitedBy: 'alt_0' }), 1_000_500)).toBeNull();
  });
});
