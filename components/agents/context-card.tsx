import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { formatNumber, formatPercent } from '@/components/ui/format';
import type { AgentDetailData } from './agent-types';
import { ContextThresholdBar } from './context-threshold-bar';

/**
 * How full the agent's context window is against the policy's two thresholds, the contexts it
 * holds (tasks sharing one prefer it) and the CLI session it resumes.
 */
export function ContextCard({ agent: a }: { agent: AgentDetailData }) {
  const { consolidateAt, fullAt } = a.contextPolicy;
  const ratio = a.contextUsed != null && a.contextWindow ? Math.min(1, a.contextUsed / a.contextWindow) : null;
  const full = ratio != null && ratio >= fullAt;
  return (
    <Card
      title="Context"
      testId="agent-context"
      description={`At ${formatPercent(consolidateAt)} the agent consolidates and takes nothing new until it is below; at ${formatPercent(fullAt)} it takes nothing new at all`}
      action={
        full ? (
          <Badge tone="red" dot testId="agent-context-state">
            full
          </Badge>
        ) : a.consolidate ? (
          <Badge tone="amber" dot pulse testId="agent-context-state">
            consolidating
          </Badge>
        ) : null
      }
    >
      <div className="space-y-4 text-sm">
        {ratio == null ? (
          <p className="text-slate-500 dark:text-slate-400">The agent does not report its context usage.</p>
        ) : (
          <div>
            <p className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
              <span className="text-lg font-semibold tabular-nums" data-testid="agent-context-percent">
                {formatPercent(ratio)}
              </span>
              <span className="tabular-nums text-slate-500 dark:text-slate-400" data-testid="agent-context-tokens">
                {formatNumber(a.contextUsed ?? 0)} / {formatNumber(a.contextWindow ?? 0)} tokens
              </span>
            </p>
            <ContextThresholdBar ratio={ratio} consolidateAt={consolidateAt} fullAt={fullAt} />
          </div>
        )}
        <div>
          <p className="mb-1 text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">
            Contexts held
          </p>
          {a.contextKeys.length ? (
            <ul className="flex flex-wrap gap-1" data-testid="agent-context-keys">
              {a.contextKeys.map((k) => (
                <li
                  key={k}
                  className="rounded-md border border-slate-200 px-1.5 py-0.5 font-mono text-xs dark:border-slate-700"
                >
                  {k}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-slate-500 dark:text-slate-400">
              None yet: tasks with a context key it finishes are routed back to it first.
            </p>
          )}
        </div>
        <div>
          <p className="mb-1 text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">
            CLI session
          </p>
          {a.sessionId ? (
            <code className="break-all font-mono text-xs" data-testid="agent-session-id">
              {a.sessionId}
            </code>
          ) : (
            <p className="text-slate-500 dark:text-slate-400">None reported.</p>
          )}
        </div>
      </div>
    </Card>
  );
}
