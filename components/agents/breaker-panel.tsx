'use client';

import type { ReactNode } from 'react';
import { DescriptionList } from '@/components/ui/description-list';
import { formatDuration, formatPercent } from '@/components/ui/format';
import { RelativeTime } from '@/components/ui/relative-time';
import { BreakerActions } from './breaker-actions';
import { BreakerNextStep } from './breaker-next-step';
import { BreakerStateBadge } from './breaker-state-badge';
import type { BreakerScope, BreakerSnapshotRow } from './breaker-types';

interface BreakerPanelProps {
  agentId: string;
  scope: BreakerScope;
  snapshot: BreakerSnapshotRow;
  title: ReactNode;
  /** Whose breaker, for the notices: "agent build-7", "runtime claude". */
  subject: string;
  /** Who is cut off while it is open, for the force-open confirmation. */
  target: string;
}

/** One breaker: state, why, its sliding window, what happens next, and the operator's buttons. */
export function BreakerPanel({ agentId, scope, snapshot: s, title, subject, target }: BreakerPanelProps) {
  return (
    <section
      className="min-w-0 space-y-3"
      data-testid={`breaker-${scope}`}
      data-state={s.state}
      aria-label={`${scope} breaker`}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="flex min-w-0 flex-wrap items-center gap-2 text-sm font-semibold">
          {title}
          <BreakerStateBadge state={s.state} />
        </h3>
        <span className="text-xs text-slate-500 dark:text-slate-400">
          {s.since != null ? (
            <>
              since <RelativeTime at={s.since} />
            </>
          ) : (
            'never tripped'
          )}
        </span>
      </div>
      <p className="break-words text-sm text-slate-700 dark:text-slate-300" data-testid="breaker-reason">
        {s.reason ?? (
          <span className="text-slate-500 dark:text-slate-400">
            No transition yet: every outcome so far is within its limits.
          </span>
        )}
      </p>
      <DescriptionList
        columns="grid-cols-2 sm:grid-cols-4"
        items={[
          { label: 'Calls', value: <span className="tabular-nums">{s.calls}</span> },
          {
            label: 'Failures',
            value: (
              <span className="tabular-nums">
                {s.failures}
                {s.failureRate != null && (
                  <span className={s.failureRate >= 0.5 ? 'text-red-600 dark:text-red-400' : 'text-slate-500'}>
                    {' '}
                    ({formatPercent(s.failureRate)})
                  </span>
                )}
              </span>
            ),
          },
          { label: 'In a row', value: <span className="tabular-nums">{s.consecutiveFailures}</span> },
          { label: 'Cool-down', value: <span className="tabular-nums">{formatDuration(s.coolDownMs)}</span> },
        ]}
      />
      <BreakerNextStep snapshot={s} />
      <BreakerActions agentId={agentId} scope={scope} snapshot={s} subject={subject} target={target} />
    </section>
  );
}
