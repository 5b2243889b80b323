import { startTestRuntime, registerAgent, callerAs, adminPrincipal } from './server/testing/test-runtime';
const N = Number(process.argv[2] ?? 3000), AGENTS = 100;
const rt = await startTestRuntime({ LOG_LEVEL: 'silent' });
const admin = callerAs(rt, adminPrincipal);
const stats: Record<string, { n: number; ms: number }> = {};
const db: any = rt.database.db;
// Count statements and their execution time at the driver (serialized on PGlite, so these add up).
const client: any = (db as any).session.client;
for (const m of ['query', 'exec', 'transaction']) {
  const f = client[m].bind(client);
  client[m] = async (...a: any[]) => { const t = performance.now(); try { return await f(...a); } finally { const k = m + ' ' + String(a[0]).replace(/\s+/g, ' ').slice(0, 70); const e = (stats[k] ??= { n: 0, ms: 0 }); e.n++; e.ms += performance.now() - t; } };
}
const agents: any[] = [];
for (let i = 0; i < AGENTS; i++) { const a = await registerAgent(rt, { name: `p${i}`, capabilities: ['bench'] }); await a.caller.agents.heartbeat({}); agents.push(a); }
for (const k of Object.keys(stats)) delete stats[k];
let done = 0; const t0 = performance.now();
const fin = new Promise<void>((resolve) => {
  for (const a of agents) (async () => {
    while (done < N) {
      const w = await a.caller.work.poll({ waitMs: 2000 });
      if (!w) continue;
      await a.caller.work.start({ taskId: w.taskId, leaseToken: w.leaseToken });
      await a.caller.work.complete({ taskId: w.taskId, leaseToken: w.leaseToken, result: null });
      if (++done === N) resolve();
    }
  })();
});
for (let i = 0; i < N; i += 500) await admin.tasks.submit({ tasks: Array.from({ length: Math.min(500, N - i) }, (_, k) => ({ title: `t${i + k}`, capabilities: ['bench'] })) });
await fin;
const s = (performance.now() - t0) / 1000;
console.log(`${N} tasks in ${s.toFixed(2)} s = ${(N / s).toFixed(0)} tasks/s`);
for (const [k, v] of Object.entries(stats).sort((a, b) => b[1].ms - a[1].ms).slice(0, 14)) console.log(String(v.n).padStart(6), (v.ms / v.n).toFixed(2).padStart(7), 'ms', v.ms.toFixed(0).padStart(6), 'ms tot ', k);
await rt.dispose(); process.exit(0);
