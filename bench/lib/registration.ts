import type { Api, Registered } from './api';
import { mapLimit } from './pool';
import type { Progress } from './progress';
import { summarise, type Summary } from './stats';

export interface RegistrationResult extends Summary {
  warmup: number;
  /** `agents.list` first page (50, name order) timed while every registered agent is still there. */
  listFirstPage: Summary & { fleet: number };
}

const LIST_SAMPLES = 50;

/**
 * Sequential `agents.register` calls with distinct names, each timed from request to parsed
 * answer. A few unmeasured calls first load the route and warm the JIT, as any server would
 * be warm in service. The agents are deregistered afterwards so they stay out of later
 * scenarios' routing decisions (and out of a shared server's roster).
 */
export async function benchRegistration(
  api: Api,
  adminToken: string,
  opts: { count: number; warmup: number; runId: string },
  progress: Progress,
): Promise<RegistrationResult> {
  const registered: Registered[] = [];
  const register = (name: string) =>
    api.mutate<Registered>(
      'agents.register',
      {
        name,
        capabilities: ['bench-registration'],
        maxConcurrency: 1,
        runtime: 'bench',
        labels: { bench: opts.runId },
      },
      adminToken,
    );

  for (let i = 0; i < opts.warmup; i++) registered.push(await register(`bench-${opts.runId}-warmup-${i}`));

  const samples: number[] = [];
  const bar = progress.bar('register', opts.count);
  for (let i = 0; i < opts.count; i++) {
    const t = performance.now();
    registered.push(await register(`bench-${opts.runId}-reg-${i}`));
    samples.push(performance.now() - t);
    if (i % 10 === 9 || i === opts.count - 1) bar.update(i + 1, `last ${samples[i].toFixed(1)} ms`);
  }
  const summary = summarise(samples);
  bar.update(opts.count, `p99 ${summary.p99} ms`);

  // The Agents page's first request, against the fleet just registered (and whatever else the server holds).
  const listSamples: number[] = [];
  let fleet = 0;
  for (let i = 0; i < LIST_SAMPLES; i++) {
    const t = performance.now();
    fleet = (await api.query<{ counts: { registered: number } }>('agents.list', { limit: 50 }, adminToken)).counts
      .registered;
    listSamples.push(performance.now() - t);
  }

  const cleanup = progress.bar('deregister', registered.length);
  let done = 0;
  await mapLimit(registered, 8, async (a) => {
    await api.mutate('agents.deregister', {}, a.token);
    if (++done % 20 === 0 || done === registered.length) cleanup.update(done);
  });
  progress.done();
  return { ...summary, warmup: opts.warmup, listFirstPage: { ...summarise(listSamples), fleet } };
}
