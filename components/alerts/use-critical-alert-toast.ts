'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useRef } from 'react';
import { useToast } from '@/components/ui/toast';
import type { LiveEvent } from '@/server/trpc/routers/events';
import { criticalAlertNotice } from './critical-alert-notice';

/**
 * A listener for the shell's live stream: a new critical alert shows a toast on whatever page
 * the operator is on, with a link to it; it stays until closed, like an error. Each alert once,
 * and one such toast at a time (a fleet losing many agents at once shows the newest, not a wall).
 */
export function useCriticalAlertToast(): (event: LiveEvent) => void {
  const toast = useToast();
  const router = useRouter();
  const shown = useRef(new Set<string>());
  return useCallback(
    (event: LiveEvent) => {
      const notice = criticalAlertNotice(event, Date.now());
      if (!notice || shown.current.has(notice.alertId)) return;
      shown.current.add(notice.alertId);
      toast({
        kind: 'error',
        key: 'critical-alert',
        title: notice.title,
        description: notice.description,
        action: { label: 'Open', run: () => router.push(notice.href) },
      });
    },
    [toast, router],
  );
}
