import type { Notification } from './notification';
import type { Channel } from './ports';

/** What "send test" sends: a made-up firing alert, in the channel's own format, marked as a test. */
export function testNotification(c: Channel, now: number, publicUrl: string): Notification {
  return {
    status: 'firing',
    reason: 'test',
    groupKey: `test:${c.id}`,
    channel: c,
    groupBy: [],
    publicUrl,
    alerts: [
      {
        id: 'test',
        fingerprint: '0000000000000000',
        rule: 'FlightdeckTestNotification',
        ruleId: 'test',
        state: 'firing',
        severity: 'info',
        labels: { channel: c.name },
        summary: `A test notification for channel ${c.name}: it reaches you and its signature verifies.`,
        startsAt: now,
        firingAt: now,
        resolvedAt: null,
        silenced: false,
        inhibited: false,
      },
    ],
  };
}
