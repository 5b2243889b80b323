const CODE = 'rounded bg-slate-100 px-1 py-0.5 font-mono text-xs dark:bg-slate-800';

/** First-run help: how an agent joins the fleet. */
export function NoAgents() {
  return (
    <div className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-10 text-center dark:border-slate-700 dark:bg-slate-900">
      <p className="font-medium text-slate-900 dark:text-slate-100">No agents yet</p>
      <p className="mx-auto mt-1 max-w-xl text-sm text-slate-500 dark:text-slate-400">
        Connect a worker: it calls <code className={CODE}>POST /api/trpc/agents.register</code> with an admin token (
        <code className={CODE}>Authorization: Bearer …</code>), then <code className={CODE}>agents.heartbeat</code> with
        the agent token it gets back. Agents appear here the moment they register.
      </p>
      <p className="mx-auto mt-2 max-w-xl text-sm text-slate-500 dark:text-slate-400">
        Just exploring? Start the server with <code className={CODE}>FLIGHTDECK_DEMO=1</code> for a simulated fleet.
      </p>
    </div>
  );
}
