import type { AgentRow } from '@/components/api-types';
import { DescriptionList } from '@/components/ui/description-list';
import { formatPercent } from '@/components/ui/format';
import { RelativeTime } from '@/components/ui/relative-time';
import { CapabilityList } from './capability-list';
import { ConcurrencyMeter } from './concurrency-meter';
import { ContextUsageBar } from './context-usage-bar';

/** Everything the registry knows about one agent. */
export function AgentDetails({ agent }: { agent: AgentRow }) {
  const labels = Object.entries(agent.labels);
  return (
    <DescriptionList
      items={[
        { label: 'Agent id', value: <span className="font-mono text-xs">{agent.id}</span> },
        { label: 'Runtime', value: <span className="font-mono text-xs">{agent.runtime}</span> },
        { label: 'State since', value: <RelativeTime at={agent.statusChangedAt} /> },
        { label: 'Active / max', value: <ConcurrencyMeter active={agent.activeTasks} max={agent.maxConcurrency} /> },
        {
          label: 'Load',
          value: agent.load == null ? <span className="text-slate-400">not reported</span> : formatPercent(agent.load),
        },
        { label: 'Last heartbeat', value: <RelativeTime at={agent.lastHeartbeatAt} fallback="never" /> },
        { label: 'Registered', value: <RelativeTime at={agent.registeredAt} /> },
        { label: 'Context window', value: <ContextUsageBar used={agent.contextUsed} window={agent.contextWindow} /> },
        {
          label: 'Labels',
          value: labels.length ? (
            <span className="flex flex-wrap gap-1">
              {labels.map(([k, v]) => (
                <span key={k} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs dark:bg-slate-800">
                  {k}={v}
                </span>
              ))}
            </span>
          ) : (
            <span className="text-slate-400">none</span>
          ),
        },
        { label: 'Capabilities', value: <CapabilityList capabilities={agent.capabilities} /> },
      ]}
    />
  );
}
