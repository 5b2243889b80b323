'use client';

import { useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { DecisionBreakdown } from './decision-breakdown';
import { DecisionFeed } from './decision-feed';
import type { BalancingDecision } from './types';

/**
 * The live feed beside the breakdown of one decision. Until one is picked the breakdown follows
 * the newest; a picked one stays (kept whole, so it survives leaving the feed).
 */
export function DecisionsPanel({ decisions }: { decisions: BalancingDecision[] }) {
  const [pinned, setPinned] = useState<BalancingDecision | null>(null);
  const breakdownRef = useRef<HTMLDivElement>(null);
  const shown = pinned ?? decisions[0] ?? null;

  const select = (d: BalancingDecision) => {
    setPinned(d);
    // Stacked on a phone: bring the breakdown into view, or the tap seems to do nothing.
    if (window.matchMedia('(max-width: 1023px)').matches)
      breakdownRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  };

  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Card title="Live decisions" description="The latest 20 assignments, newest first" bodyClassName="">
        <DecisionFeed decisions={decisions} selectedId={shown?.id ?? null} onSelect={select} />
      </Card>
      <div ref={breakdownRef} className="min-w-0 scroll-mt-28">
        <Card
          title="Decision breakdown"
          bodyClassName=""
          description={
            pinned ? 'The decision you picked' : 'Following the newest decision; pick one in the feed to keep it'
          }
          action={
            pinned && (
              <Button size="sm" variant="ghost" onClick={() => setPinned(null)}>
                Follow newest
              </Button>
            )
          }
        >
          {shown ? (
            <DecisionBreakdown decision={shown} />
          ) : (
            <div className="p-4">
              <EmptyState title="Nothing to break down yet">
                Once a task is routed, its candidates and their scores appear here.
              </EmptyState>
            </div>
          )}
        </Card>
      </div>
    </div>
  );
}
