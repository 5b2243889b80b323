import { Badge, type BadgeTone } from '@/components/ui/badge';

const TONE: Record<string, BadgeTone> = { critical: 'red', warning: 'amber', info: 'sky' };

/** critical red, warning amber, info blue. */
export function SeverityBadge({ severity }: { severity: string }) {
  return (
    <Badge tone={TONE[severity] ?? 'slate'} testId="alert-severity">
      {severity}
    </Badge>
  );
}

/** A thin coloured bar for the start of a row or card: the severity at a glance. */
export const SEVERITY_BAR: Record<string, string> = {
  critical: 'bg-red-500',
  warning: 'bg-amber-500',
  info: 'bg-sky-500',
};
