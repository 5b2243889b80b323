import { JsonView } from '@/components/ui/json-view';
import { DescriptionList } from '@/components/ui/description-list';
import { formatDuration } from '@/components/ui/format';
import { RelativeTime } from '@/components/ui/relative-time';
import type { PoolRow } from './types';
import { ActorName } from '@/components/ui/actor-name';

/** How the pool scales and starts its agents, as saved. */
export function PoolSettings({ pool: p }: { pool: PoolRow }) {
  // Env values are write-only: answers carry only whether each one is set.
  const { env, ...rest } = p.providerSettings as { env?: Record<string, { set?: boolean }> };
  return (
    <div className="space-y-4">
      <DescriptionList
        items={[
          {
            label: 'Size bounds',
            value: (
              <span className="tabular-nums">
                {p.minSize} – {p.maxSize} agents
              </span>
            ),
          },
          { label: 'Target backlog', value: <span className="tabular-nums">{p.targetBacklogPerAgent} per agent</span> },
          { label: 'Tasks per agent', value: <span className="tabular-nums">{p.agentConcurrency}</span> },
          { label: 'Scale-up cool-down', value: formatDuration(p.scaleUpCooldownMs) },
          { label: 'Scale-down cool-down', value: formatDuration(p.scaleDownCooldownMs) },
          { label: 'Idle timeout', value: formatDuration(p.idleTimeoutMs) },
          { label: 'Last scale-up', value: <RelativeTime at={p.lastScaleUpAt} fallback="never" /> },
          { label: 'Last scale-down', value: <RelativeTime at={p.lastScaleDownAt} fallback="never" /> },
          {
            label: 'Created',
            value: (
              <>
                <RelativeTime at={p.createdAt} />
                {p.createdBy && (
                  <span className="text-slate-500">
                    {' '}
                    by <ActorName actor={p.createdBy} className="" />
                  </span>
                )}
              </>
            ),
          },
          {
            label: `Sleep windows (${p.timeZone})`,
            value: p.sleepWindows.length ? (
              <span className="flex flex-wrap gap-1" data-testid="pool-sleep-windows">
                {p.sleepWindows.map((w) => (
                  <span
                    key={w}
                    className="rounded bg-violet-50 px-1.5 py-0.5 font-mono text-xs text-violet-800 dark:bg-violet-950 dark:text-violet-200"
                  >
                    {w}
                  </span>
                ))}
              </span>
            ) : (
              <span className="text-slate-400">none</span>
            ),
          },
        ]}
      />
      <div>
        <p className="mb-1 text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">
          Provider settings ({p.provider})
        </p>
        <JsonView value={rest} label="Provider settings" />
      </div>
      {env && (
        <div>
          <p className="mb-1 text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">
            Environment
          </p>
          <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm" data-testid="pool-env">
            {Object.entries(env).map(([name, state]) => (
              <li key={name}>
                <code className="font-mono text-xs">{name}</code>{' '}
                <span className={state?.set ? 'text-emerald-700 dark:text-emerald-400' : 'text-slate-400'}>
                  {state?.set ? 'set' : 'not set'}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
