const CODE = 'rounded bg-slate-100 px-1 py-0.5 font-mono text-xs dark:bg-slate-800';

/** First-run help: what a pool is and how one comes about. */
export function NoPools({ canCreate }: { canCreate: boolean }) {
  return (
    <div className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-10 text-center dark:border-slate-700 dark:bg-slate-900">
      <p className="font-medium text-slate-900 dark:text-slate-100">No pools yet</p>
      <p className="mx-auto mt-1 max-w-xl text-sm text-slate-500 dark:text-slate-400">
        A pool starts and stops agents for a set of capabilities: it grows while tasks queue up for them, puts idle
        agents to sleep and removes the ones it no longer needs, between its minimum and maximum size.
      </p>
      <p className="mx-auto mt-2 max-w-xl text-sm text-slate-500 dark:text-slate-400">
        {canCreate ? (
          <>
            Create one with <span className="font-medium text-slate-700 dark:text-slate-200">New pool</span> above, or
            with <code className={CODE}>pools.create</code>.
          </>
        ) : (
          <>
            An admin creates them here or with <code className={CODE}>pools.create</code>.
          </>
        )}
      </p>
    </div>
  );
}
