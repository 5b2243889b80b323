'use client';

import { ClockTime } from '@/components/ui/clock-time';
import { EmptyState } from '@/components/ui/empty-state';
import { formatDuration, formatNumber, formatPercent } from '@/components/ui/format';
import { AgentBarsChart } from './agent-bars-chart';
import { ComparisonStat } from './comparison-stat';
import { RECORDED_COLOR, REPLAYED_COLOR } from './palette';
import type { WhatIfData } from './types';
import { WeightsText } from './weights-text';

const SHOWN = 20;
const SERIES = [
  { key: 'recorded', label: 'Recorded', color: RECORDED_COLOR },
  { key: 'replayed', label: 'Replayed', color: REPLAYED_COLOR },
];

/** A replay side by side with what really happened: per agent, imbalance, expected wait, decisions changed. */
export function WhatIfResults({ result: r }: { result: WhatIfData }) {
  if (!r.decisions)
    return (
      <EmptyState title="No recorded decisions to replay">
        Run it again once the scheduler has routed some tasks.
      </EmptyState>
    );
  const rows = [...r.perAgent]
    .sort((a, b) => Math.max(b.recorded, b.replayed) - Math.max(a.recorded, a.replayed))
    .slice(0, SHOWN)
    .map((a) => ({ name: a.agentName, agentId: a.agentId, recorded: a.recorded, replayed: a.replayed }));
  return (
    <div className="space-y-4" data-testid="what-if-results">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 text-sm">
        <p>
          <span className="font-mono text-xs font-medium">{r.strategy}</span>{' '}
          <WeightsText weights={r.weights} empty="" />
        </p>
        {r.from != null && r.to != null && (
          <p className="text-xs text-slate-500 dark:text-slate-400" data-testid="what-if-window">
            decisions from <ClockTime at={r.from} /> to <ClockTime at={r.to} /> ({formatDuration(r.to - r.from)})
          </p>
        )}
      </div>
      <div className="grid gap-3 sm:grid-cols-3">
        <div
          data-testid="what-if-changed"
          className="min-w-0 rounded-lg border border-slate-200 p-3 dark:border-slate-800"
        >
          <p className="text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">
            Decisions changed
          </p>
          <p className="mt-1 text-lg font-semibold tabular-nums">
            changed {formatNumber(r.changed)} of {formatNumber(r.decisions)}
          </p>
          <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">
            {formatPercent(r.changed / r.decisions)} went to another agent
            {r.deferred > 0 && `; ${formatNumber(r.deferred)} would have waited`}
          </p>
        </div>
        <ComparisonStat
          label="Imbalance"
          recorded={r.imbalance.recorded}
          replayed={r.imbalance.replayed}
          format={(n) => formatNumber(n, 3)}
          testId="what-if-imbalance"
          hint="assignments per slot; 0 = even"
        />
        <ComparisonStat
          label="Expected wait"
          recorded={r.expectedWaitMs.recorded}
          replayed={r.expectedWaitMs.replayed}
          format={formatDuration}
          testId="what-if-wait"
          hint="mean per decision, for a free slot"
        />
      </div>
      <div>
        <h3 className="mb-2 text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">
          Assignments per agent
        </h3>
        <AgentBarsChart rows={rows} series={SERIES} unit="tasks" label="Assignments per agent, recorded and replayed" />
        {r.perAgent.length > SHOWN && (
          <p className="mt-2 text-xs text-slate-500">
            The {SHOWN} busiest of {r.perAgent.length} agents.
          </p>
        )}
      </div>
    </div>
  );
}
