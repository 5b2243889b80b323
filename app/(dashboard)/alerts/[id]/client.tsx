'use client';

import { useQuery } from '@tanstack/react-query';
import { AlertActions } from '@/components/alerts/alert-actions';
import { AlertAffects } from '@/components/alerts/alert-affects';
import { AlertFacts } from '@/components/alerts/alert-facts';
import { AlertMetricChart } from '@/components/alerts/alert-metric-chart';
import { AlertRemedies } from '@/components/alerts/alert-remedies';
import { AlertStateBadge } from '@/components/alerts/alert-state-badge';
import { Marks } from '@/components/alerts/alerts-table';
import { AlertTimeline } from '@/components/alerts/alert-timeline';
import { LabelChips } from '@/components/alerts/label-chips';
import { SeverityBadge } from '@/components/alerts/severity-badge';
import { useTRPC } from '@/components/trpc/client';
import { Card } from '@/components/ui/card';
import { BackLink } from '@/components/ui/detail-page';
import { ErrorState } from '@/components/ui/error-state';
import { TableSkeleton } from '@/components/ui/table-skeleton';

export function AlertView({ id, me, canOperate }: { id: string; me: string; canOperate: boolean }) {
  const trpc = useTRPC();
  const detail = useQuery(trpc.alerts.get.queryOptions({ id }));
  // The metric's description and unit come with the rules (one small list, cached for the Rules tab too).
  const rules = useQuery(trpc.alerts.rules.list.queryOptions());
  const a = detail.data;
  const metric = rules.data?.metrics.find((m) => m.name === a?.metric);
  const unit = metric?.unit === 'count' || metric?.unit === 'boolean' ? '' : metric?.unit;
  return (
    <>
      <BackLink href="/alerts">Alerts</BackLink>
      {detail.error ? (
        <ErrorState error={detail.error} title="Could not load this alert" onRetry={() => void detail.refetch()} />
      ) : !a ? (
        <TableSkeleton rows={6} />
      ) : (
        <div className="space-y-4" data-testid="alert-detail" data-state={a.state}>
          <div className="min-w-0">
            <div className="flex flex-wrap items-center gap-2">
              <h1 className="text-xl font-semibold tracking-tight text-slate-900 dark:text-slate-50">{a.rule}</h1>
              <SeverityBadge severity={a.severity} />
              <AlertStateBadge state={a.state} />
              <Marks a={a} />
            </div>
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-300" data-testid="alert-summary">
              {a.summary}
            </p>
            <div className="mt-2">
              <LabelChips labels={a.labels} />
            </div>
          </div>
          {canOperate && a.state !== 'resolved' && (
            <Card title="Act on it" description="Each step is recorded in the timeline with your name.">
              <AlertActions alert={a} me={me} />
              <div className="mt-4 border-t border-slate-100 pt-3 dark:border-slate-800">
                <h3 className="mb-2 text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">
                  Remedies
                </h3>
                <AlertRemedies alert={a} />
              </div>
            </Card>
          )}
          <div className="grid gap-4 lg:grid-cols-3">
            <div className="space-y-4 lg:col-span-2">
              <Card
                title={a.metric ? <span className="font-mono">{a.metric}</span> : 'Reading'}
                description={`${metric ? `${metric.description}. ` : ''}Its value at each evaluation while the alert was open${a.threshold ? `; dashed: the threshold (${a.threshold.comparison} ${a.threshold.value})` : ''}.`}
              >
                {a.samples.length > 1 ? (
                  <AlertMetricChart
                    samples={a.samples}
                    severity={a.severity}
                    threshold={a.threshold?.value}
                    firingAt={a.firingAt}
                    unit={unit}
                  />
                ) : (
                  <p className="text-sm text-slate-500 dark:text-slate-400">Not enough readings yet to draw.</p>
                )}
              </Card>
              <Card title="Timeline">
                <AlertTimeline steps={a.timeline} />
              </Card>
            </div>
            <div className="space-y-4">
              <Card title="Details">
                <AlertFacts alert={a} unit={unit} />
              </Card>
              <Card title="Affects">
                <AlertAffects affects={a.affects} />
              </Card>
            </div>
          </div>
        </div>
      )}
    </>
  );
}
