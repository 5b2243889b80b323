import { formatNumber, formatPercent } from '@/components/ui/format';
import { StatCard } from '@/components/ui/stat-card';
import { RANGE_WORDS } from '@/components/charts/refetch';
import type { DistributionData } from './types';

/** Imbalance now, routable agents, and assignments in the window. */
export function BalancingKpis({ distribution: d }: { distribution: DistributionData }) {
  const busy = d.agents.filter((a) => a.activeTasks > 0).length;
  const meanUse = d.agents.length ? d.agents.reduce((s, a) => s + a.utilisation, 0) / d.agents.length : 0;
  const assigned = d.assignments.reduce((s, a) => s + a.assignments, 0);
  return (
    <div className="grid gap-3 sm:grid-cols-3">
      <StatCard
        label="Imbalance now"
        value={d.imbalance.toFixed(2)}
        testId="kpi-imbalance"
        hint={
          <span className="block whitespace-normal">coefficient of variation of utilisation; 0 = perfectly even</span>
        }
      />
      <StatCard
        label="Agents routable"
        value={formatNumber(d.agents.length)}
        testId="kpi-routable"
        hint={d.agents.length ? `${busy} busy · ${formatPercent(meanUse)} of slots in use` : 'no agent is idle or busy'}
      />
      <StatCard
        label="Assignments"
        value={formatNumber(assigned)}
        testId="kpi-assignments"
        hint={`last ${RANGE_WORDS[d.range]}, to ${d.assignments.length} ${d.assignments.length === 1 ? 'agent' : 'agents'}`}
      />
    </div>
  );
}
