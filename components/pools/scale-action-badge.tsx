import { Badge, type BadgeTone } from '@/components/ui/badge';

const TONE: Record<string, BadgeTone> = {
  'scale-up': 'indigo',
  'scale-down': 'sky',
  sleep: 'violet',
  hold: 'gray',
  restart: 'orange',
  edit: 'amber',
  enable: 'green',
  disable: 'gray',
};

/** scale-up / scale-down / sleep / hold / restart (a crashed agent); edit / enable / disable (an operator). */
export function ScaleActionBadge({ action }: { action: string }) {
  return (
    <Badge tone={TONE[action] ?? 'slate'} testId="scale-action">
      {action}
    </Badge>
  );
}
