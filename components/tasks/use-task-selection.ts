'use client';

import { useCallback, useMemo, useState } from 'react';

export interface TaskSelection {
  /** Selected ids among the tasks shown (a task that left the list is no longer selected). */
  ids: string[];
  has: (id: string) => boolean;
  toggle: (id: string) => void;
  /** Every task shown, or none when all are selected already. */
  toggleAll: () => void;
  all: boolean;
  some: boolean;
  clear: () => void;
}

/** Check boxes over the loaded pages of the Tasks list, for its bulk actions. */
export function useTaskSelection(shown: readonly { id: string }[]): TaskSelection {
  const [picked, setPicked] = useState<ReadonlySet<string>>(() => new Set());
  const ids = useMemo(() => shown.map((t) => t.id).filter((id) => picked.has(id)), [shown, picked]);
  const selected = useMemo(() => new Set(ids), [ids]);
  const all = shown.length > 0 && ids.length === shown.length;
  const toggle = useCallback(
    (id: string) =>
      setPicked((p) => {
        const next = new Set(p);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    [],
  );
  const toggleAll = useCallback(() => setPicked(all ? new Set() : new Set(shown.map((t) => t.id))), [all, shown]);
  const clear = useCallback(() => setPicked(new Set()), []);
  return { ids, has: (id) => selected.has(id), toggle, toggleAll, all, some: ids.length > 0 && !all, clear };
}
