import type { LiveEvent } from '@/server/trpc/routers/events';

/** A toast's worth of a new critical alert: what fired, and where to look. */
export interface CriticalAlertNotice {
  alertId: string;
  title: string;
  description: string;
  href: string;
}

/** Older events come from a resumed stream catching up: the badge and the page show them, a toast would be noise. */
export const NOTICE_MAX_AGE_MS = 5 * 60_000;

/** The alert's page (notifications link to `/alerts?id=…`, which leads there too). */
export const alertHref = (alertId: string): string => `/alerts/${encodeURIComponent(alertId)}`;

/**
 * Whether a live event announces a critical alert that just started firing (not one that was
 * already firing: an `alert:firing` step comes once per alert) and is neither silenced nor
 * inhibited, and what the toast says.
 */
export function criticalAlertNotice(event: LiveEvent, now: number): CriticalAlertNotice | null {
  if (event.name !== 'alert:firing') return null;
  const p = event.payload;
  if (p.severity !== 'critical' || p.kind !== 'firing') return null;
  // A silence or inhibition already covers it: the operator chose not to be told (the page still lists it).
  if (p.silencedBy || p.inhibitedBy) return null;
  if (now - event.at > NOTICE_MAX_AGE_MS) return null;
  return {
    alertId: p.alertId,
    title: `Critical alert: ${p.rule}`,
    description: p.summary,
    href: alertHref(p.alertId),
  };
}
