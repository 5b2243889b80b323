'use client';

import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { RelativeTime } from '@/components/ui/relative-time';
import { PolicyHistory } from './policy-history';
import { StrategyForm } from './strategy-form';
import type { PolicyData } from './types';
import { WeightsText } from './weights-text';
import { ActorName } from '@/components/ui/actor-name';

/** The routing policy in force, the form to change it, and its change history below. */
export function StrategyCard({ policy, canEdit }: { policy: PolicyData; canEdit: boolean }) {
  const { current } = policy;
  return (
    <Card
      title="Routing strategy"
      bodyClassName=""
      testId="strategy-card"
      description={<>How the scheduler picks an agent among the capable ones. Changes apply to live routing at once.</>}
    >
      <div
        className="space-y-1.5 border-b border-slate-100 px-4 py-3 text-sm dark:border-slate-800"
        data-testid="current-strategy"
      >
        <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <span className="text-slate-500 dark:text-slate-400">In force</span>
          <Badge tone="green" dot testId="current-strategy-name">
            {current.strategy}
          </Badge>
          <span className="text-xs text-slate-500 dark:text-slate-400">
            {current.changedAt == null || !current.changedBy ? (
              'the default, never changed'
            ) : (
              <>
                set by{' '}
                <ActorName actor={current.changedBy} className="font-medium text-slate-700 dark:text-slate-200" />{' '}
                <RelativeTime at={current.changedAt} />
              </>
            )}
          </span>
        </p>
        {Object.keys(current.weights).length > 0 && (
          <p>
            <WeightsText weights={current.weights} />
          </p>
        )}
      </div>
      <div className="p-4">
        <StrategyForm policy={policy} canEdit={canEdit} />
      </div>
      <div className="border-t border-slate-100 dark:border-slate-800">
        <h3 className="px-4 pt-3 pb-1 text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">
          Change history
        </h3>
        <PolicyHistory history={policy.history} />
      </div>
    </Card>
  );
}
