import { describeExit } from '@/server/core/pools/crash-report';
import type { PoolMemberRow } from './types';

/** How the member's process or container last crashed: the exit, and its stderr tail on demand. */
export function MemberLastExit({ exit }: { exit: PoolMemberRow['lastExit'] }) {
  if (!exit) return <span className="text-slate-400">—</span>;
  return (
    <div className="min-w-0 text-xs" data-testid="member-last-exit">
      <span className="font-medium text-red-700 dark:text-red-400">{describeExit(exit)}</span>
      {exit.stderr.length > 0 && (
        <details className="mt-0.5">
          <summary className="cursor-pointer text-slate-500 hover:text-slate-800 dark:hover:text-slate-200">
            stderr ({exit.stderr.length} line{exit.stderr.length === 1 ? '' : 's'})
          </summary>
          <pre
            className="mt-1 max-h-48 max-w-xl overflow-auto whitespace-pre-wrap break-words rounded bg-slate-950 p-2 font-mono text-[11px] leading-snug text-slate-100"
            data-testid="member-stderr"
          >
            {exit.stderr.join('\n')}
          </pre>
        </details>
      )}
    </div>
  );
}
