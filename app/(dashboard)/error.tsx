'use client';

import { ErrorState } from '@/components/ui/error-state';

/** Anything a page throws while rendering lands here instead of a blank screen. */
export default function DashboardError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <ErrorState
      error={{ message: error.digest ? `${error.message} (${error.digest})` : error.message }}
      title="This page failed to render"
      onRetry={reset}
    />
  );
}
