/** The autoscaler's reason, with its `backticked` capabilities set as code. */
export function ScaleReason({ reason }: { reason: string }) {
  const parts = reason.split('`');
  return (
    <span className="whitespace-normal break-words" data-testid="scale-reason">
      {parts.map((p, i) =>
        i % 2 ? (
          <code key={i} className="rounded bg-slate-100 px-1 font-mono text-xs dark:bg-slate-800">
            {p}
          </code>
        ) : (
          p
        ),
      )}
    </span>
  );
}
