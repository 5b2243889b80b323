'use client';

import { EmptyState } from '@/components/ui/empty-state';
import { AgentBarsChart } from './agent-bars-chart';
import { seriesColor } from './palette';
import type { DistributionData } from './types';

const SHOWN = 20;
const SERIES = [{ key: 'assignments', label: 'Assignments', color: seriesColor(0) }];

/** How many tasks each agent was given in the window, most first. */
export function AssignmentsChart({ assignments }: { assignments: DistributionData['assignments'] }) {
  if (!assignments.length)
    return (
      <EmptyState title="No assignments in this window">Bars appear as soon as the scheduler routes a task.</EmptyState>
    );
  const rows = [...assignments]
    .sort((a, b) => b.assignments - a.assignments)
    .slice(0, SHOWN)
    .map((a) => ({ name: a.agentName, agentId: a.agentId, assignments: a.assignments }));
  return (
    <>
      <AgentBarsChart rows={rows} series={SERIES} unit="tasks" label="Assignments per agent in the chosen range" />
      {assignments.length > SHOWN && (
        <p className="mt-2 text-xs text-slate-500">
          The {SHOWN} busiest of {assignments.length} agents.
        </p>
      )}
    </>
  );
}
