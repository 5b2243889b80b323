import { Fragment } from 'react';

/** A pending reason's sentence, with its `quoted` names (capabilities, keys) set as code. */
export function PendingMessage({ message }: { message: string }) {
  const parts = message.split('`');
  // An odd count of backticks leaves the last one unmatched: show the text as it is.
  if (parts.length % 2 === 0) return <>{message}</>;
  return (
    <>
      {parts.map((p, i) =>
        i % 2 ? (
          <code key={i} className="rounded bg-black/5 px-1 font-mono text-[0.92em] dark:bg-white/10">
            {p}
          </code>
        ) : (
          <Fragment key={i}>{p}</Fragment>
        ),
      )}
    </>
  );
}
