'use client';

import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/components/trpc/client';
import { Card } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { Spinner } from '@/components/ui/spinner';
import { BreakerHistory } from './breaker-history';
import { BreakerPanel } from './breaker-panel';

/**
 * The circuit breakers guarding this agent: its own, and its runtime's (shared by every agent
 * of that runtime). While either is open the scheduler routes no work here.
 */
export function BreakerCard({ agentId, agentName }: { agentId: string; agentName: string }) {
  const trpc = useTRPC();
  const breaker = useQuery(trpc.agents.breaker.queryOptions({ id: agentId }));
  const b = breaker.data;
  const runtime = b?.runtime?.key.replace(/^runtime:/, '') ?? null;

  return (
    <Card
      title="Circuit breaker"
      testId="breaker-card"
      bodyClassName=""
      description="Opens when too many attempts on this agent fail, so work goes elsewhere; after a cool-down one probe task decides whether it closes."
    >
      {breaker.error ? (
        <div className="p-4">
          <ErrorState
            error={breaker.error}
            title="Could not load the breakers"
            onRetry={() => void breaker.refetch()}
          />
        </div>
      ) : !b ? (
        <div className="p-4">
          <Spinner />
        </div>
      ) : (
        <>
          <div className={`grid gap-6 p-4 ${b.runtime ? 'lg:grid-cols-2' : ''}`}>
            <BreakerPanel
              agentId={agentId}
              scope="agent"
              snapshot={b.agent}
              title="This agent"
              subject={`agent ${agentName}`}
              target={agentName}
            />
            {b.runtime && (
              <div className="border-t border-slate-100 pt-4 lg:border-t-0 lg:border-l lg:pt-0 lg:pl-6 dark:border-slate-800">
                <BreakerPanel
                  agentId={agentId}
                  scope="runtime"
                  snapshot={b.runtime}
                  title={
                    <>
                      Runtime <code className="font-mono text-xs font-normal">{runtime}</code>
                    </>
                  }
                  subject={`runtime ${runtime}`}
                  target={`any agent of runtime ${runtime}`}
                />
              </div>
            )}
          </div>
          <div className="border-t border-slate-100 dark:border-slate-800">
            <h3 className="px-4 pt-3 pb-1 text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">
              Transitions
            </h3>
            <BreakerHistory history={b.history} />
          </div>
        </>
      )}
    </Card>
  );
}
