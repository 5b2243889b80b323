import { matchesAll } from '../alerts/label-matchers';
import { alertLabels } from './notification';
import type { Channel } from './ports';

/** Whether a channel hears of an alert: its severity listed (or none listed) and every matcher holding. */
export function routes(
  c: Pick<Channel, 'enabled' | 'severities' | 'matchers'>,
  a: { severity: string; labels: Record<string, string>; rule: string },
): boolean {
  if (!c.enabled) return false;
  if (c.severities.length && !c.severities.includes(a.severity)) return false;
  return matchesAll(c.matchers, alertLabels(a));
}
