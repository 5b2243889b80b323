'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { agentListParamsToQuery, parseAgentListParams, type AgentListParams } from './agent-list-params';

/** Filters live in the URL; replaceState updates it without a server round trip. */
export function useAgentListParams(): [AgentListParams, (next: AgentListParams) => void] {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const key = searchParams.toString();
  const params = useMemo(() => parseAgentListParams(new URLSearchParams(key)), [key]);
  const setParams = useCallback(
    (next: AgentListParams) => {
      window.history.replaceState(null, '', `${pathname}${agentListParamsToQuery(next)}`);
    },
    [pathname],
  );
  return [params, setParams];
}
