/** Which alerts the list shows: open ones by default (firing, pending, acknowledged), or one state. */
export const STATE_FILTERS = ['open', 'firing', 'pending', 'acknowledged', 'resolved'] as const;
export type StateFilter = (typeof STATE_FILTERS)[number];
export const SEVERITY_FILTERS = ['all', 'critical', 'warning', 'info'] as const;
export type SeverityFilter = (typeof SEVERITY_FILTERS)[number];

export interface AlertFilters {
  state: StateFilter;
  severity: SeverityFilter;
}

export const DEFAULT_ALERT_FILTERS: AlertFilters = { state: 'open', severity: 'all' };

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

const get = (p: Params, key: string): string | undefined => {
  const v = p instanceof URLSearchParams ? p.get(key) : p[key];
  return (Array.isArray(v) ? v[0] : v) ?? undefined;
};

const oneOf = <T extends string>(list: readonly T[], v: string | undefined, fallback: T): T =>
  (list as readonly string[]).includes(v ?? '') ? (v as T) : fallback;

/** `?state=resolved&severity=critical`; anything unknown reads as the default. */
export function parseAlertFilters(p: Params): AlertFilters {
  return {
    state: oneOf(STATE_FILTERS, get(p, 'state'), 'open'),
    severity: oneOf(SEVERITY_FILTERS, get(p, 'severity'), 'all'),
  };
}

export function alertFiltersToQuery(f: AlertFilters): string {
  const q = new URLSearchParams();
  if (f.state !== 'open') q.set('state', f.state);
  if (f.severity !== 'all') q.set('severity', f.severity);
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** The list's input: the server's default is the open alerts, firing first. */
export function alertListInput(f: AlertFilters): {
  state?: Exclude<StateFilter, 'open'>;
  severity?: Exclude<SeverityFilter, 'all'>;
} {
  return {
    ...(f.state !== 'open' ? { state: f.state } : {}),
    ...(f.severity !== 'all' ? { severity: f.severity } : {}),
  };
}
