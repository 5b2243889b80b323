'use client';

import { useEffect, useRef } from 'react';

interface SelectCheckboxProps {
  checked: boolean;
  /** Some but not all selected (the "select all" box). */
  indeterminate?: boolean;
  onChange: () => void;
  label: string;
  testId?: string;
}

/** A row's (or the page's) selection box, with room around it for a thumb. */
export function SelectCheckbox({ checked, indeterminate = false, onChange, label, testId }: SelectCheckboxProps) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = indeterminate;
  }, [indeterminate]);
  return (
    <span className="-m-2 inline-flex p-2">
      <input
        ref={ref}
        type="checkbox"
        checked={checked}
        onChange={onChange}
        aria-label={label}
        data-testid={testId}
        className="h-4 w-4 cursor-pointer rounded border-slate-300 accent-indigo-600 dark:border-slate-600"
      />
    </span>
  );
}
