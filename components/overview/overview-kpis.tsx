import type { OverviewData } from '@/components/api-types';
import { formatDuration, formatNumber, formatPercent } from '@/components/ui/format';
import { KpiLink } from './kpi-link';

const unit = (text: string) => <span className="ml-1 text-sm font-normal text-slate-500">{text}</span>;
const windowName = (ms: number) => (ms <= 60_000 ? 'last minute' : `last ${Math.round(ms / 60_000)} minutes`);

/**
 * The headline numbers, each linked to the page that explains it. Assignment latency is shown
 * as what it is (queue wait plus routing) beside the routing decision alone.
 */
export function OverviewKpis({ o }: { o: OverviewData }) {
  const finished = o.succeeded + o.failed;
  const window = windowName(o.latencyWindowMs);
  return (
    <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
      <KpiLink
        label="Running"
        value={formatNumber(o.running)}
        hint={`${formatNumber(o.queueTotal)} queued`}
        testId="kpi-running"
        href="/tasks?status=assigned,running"
        explain="Tasks assigned to an agent or running now: open them"
      />
      <KpiLink
        label="Throughput"
        value={
          <>
            {formatNumber(o.throughputPerSec, 2)}
            {unit('/s')}
          </>
        }
        hint={`≈ ${formatNumber(o.throughputPerSec * 60, 1)} tasks/min`}
        testId="kpi-throughput"
        href="/tasks?status=succeeded,failed,dead-lettered"
        explain="Tasks finished per second over the last minute: open the finished tasks"
      />
      <KpiLink
        label="Success rate"
        value={o.successRate == null ? '—' : formatPercent(o.successRate, 1)}
        hint={
          finished ? `${formatNumber(o.failed)} failed of ${formatNumber(finished)} · 15 min` : 'nothing finished yet'
        }
        testId="kpi-success"
        href="/tasks?status=failed,dead-lettered"
        explain="Succeeded out of finished tasks over the last 15 minutes: open the failed ones"
      />
      <KpiLink
        label="Dead letters"
        value={formatNumber(o.deadLettered)}
        hint={o.deadLettered ? 'waiting for an operator' : 'none waiting'}
        testId="kpi-dead-letters"
        href="/dead-letters"
        explain="Tasks whose attempts ran out, waiting to be retried or discarded"
      />
      <KpiLink
        label="Enqueue → assigned"
        testId="kpi-dispatch"
        href="/tasks?status=queued"
        value={o.dispatchP95Ms == null ? '—' : formatDuration(o.dispatchP95Ms)}
        hint={o.dispatchP50Ms == null ? 'no assignments yet' : 'p95, with queue wait'}
        explain={`${o.dispatchP50Ms == null ? '' : `p50 ${formatDuration(o.dispatchP50Ms)}. `}p95 from a task entering the queue until an agent is assigned, ${window}: the time it waited for a free, capable agent plus the routing decision. Open the queue`}
      />
      <KpiLink
        label="Decision time"
        testId="kpi-decision"
        href="/balancing"
        value={
          o.decisionP95Us == null ? (
            '—'
          ) : (
            <>
              {formatNumber(o.decisionP95Us)}
              {unit('µs')}
            </>
          )
        }
        hint={o.decisionP50Us == null ? 'no decisions yet' : 'p95, routing alone'}
        explain={`${o.decisionP50Us == null ? '' : `p50 ${formatNumber(o.decisionP50Us)} µs. `}p95 of how long the router took to pick an agent (from the decision records), ${window}, without any queue wait. Open load balancing`}
      />
    </div>
  );
}
