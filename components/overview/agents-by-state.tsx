import Link from 'next/link';
import { AGENT_STATES, type AgentState } from '@/server/core/model';
import { countsOf } from '@/server/core/registry/agent-counts';
import { AGENT_STATE_TONE } from '@/components/agents/agent-state-badge';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';

/** Fleet size by state, each count opening the Agents page filtered to it; zero states are dimmed, not hidden. */
export function AgentsByState({ agents }: { agents: Record<AgentState, number> }) {
  // Honest: a fleet of unhealthy agents reads "1,000 registered · 0 healthy", never "1,000 connected".
  const { registered, healthy } = countsOf(agents);
  return (
    <Card
      title={
        <Link href="/agents" className="hover:underline">
          Agents
        </Link>
      }
      description={`${registered.toLocaleString('en-US')} registered · ${healthy.toLocaleString('en-US')} healthy`}
      bodyClassName="p-4"
      className="h-full"
    >
      <ul className="grid grid-cols-2 gap-2" data-testid="kpi-agents">
        {AGENT_STATES.map((s) => (
          <li key={s} className={agents[s] ? '' : 'opacity-50'}>
            <Link
              href={`/agents?status=${s}`}
              title={`Open the ${s} agents`}
              className="flex items-center justify-between gap-2 rounded-lg px-2 py-1.5 hover:bg-slate-50 dark:hover:bg-slate-800/60"
            >
              <Badge tone={AGENT_STATE_TONE[s]} dot>
                {s}
              </Badge>
              <span className="text-sm font-semibold tabular-nums">{agents[s]}</span>
            </Link>
          </li>
        ))}
      </ul>
    </Card>
  );
}
