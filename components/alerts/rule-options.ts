import type { Comparison, Severity } from '@/server/core/alerts/alert-model';

/** The server's closed sets, listed for the selects (alert-model imports node:crypto, so not from there; the types check them). */
export const COMPARISONS = ['>', '>=', '<', '<=', '==', '!='] as const satisfies readonly Comparison[];
export const SEVERITIES = ['critical', 'warning', 'info'] as const satisfies readonly Severity[];
