'use client';

import { Chip, ChipRow } from '@/components/ui/chips';

interface SegmentedChoiceProps<T extends string> {
  label: string;
  options: readonly T[];
  value: T;
  onChange: (next: T) => void;
  counts?: Partial<Record<T, number>>;
}

/** One of a few values, as a row of pressed/unpressed buttons (FilterChips picks several). */
export function SegmentedChoice<T extends string>({
  label,
  options,
  value,
  onChange,
  counts,
}: SegmentedChoiceProps<T>) {
  return (
    <ChipRow label={label}>
      {options.map((o) => (
        <Chip key={o} on={o === value} onClick={() => onChange(o)} count={counts?.[o]}>
          {o}
        </Chip>
      ))}
    </ChipRow>
  );
}
