import type { UtilisationSample } from './ports';
import { bucketStart, type BucketPlan } from './time-range';

/** Agents that get a row of their own; the rest share one averaged row, so 10 or 1,000 agents read alike. */
export const HEATMAP_ROWS = 24;

export interface HeatmapRow {
  /** Null when the agent is gone and only its recorded name remains. */
  agentId: string | null;
  name: string;
  /** Mean utilisation over the range (0..1), counting samples where it was not among the recorded busiest as 0. */
  mean: number;
  /** One value per column (0..1), null where no sample recorded it. */
  cells: (number | null)[];
}

export interface Heatmap {
  from: number;
  to: number;
  cellMs: number;
  columns: number;
  rows: HeatmapRow[];
  /** Every other routable agent, averaged per column; null when all agents have a row. */
  others: { count: number; cells: (number | null)[] } | null;
}

type Named = (key: string) => { agentId: string | null; name: string };

class CellMeans {
  private sum: number[];
  private n: number[];
  constructor(columns: number) {
    this.sum = new Array<number>(columns).fill(0);
    this.n = new Array<number>(columns).fill(0);
  }
  add(col: number, v: number) {
    this.sum[col] += v;
    this.n[col] += 1;
  }
  means(): (number | null)[] {
    return this.sum.map((s, i) => (this.n[i] ? Math.round((s / this.n[i]) * 1e4) / 1e4 : null));
  }
}

/** Agents × time from utilisation samples: the busiest rows by mean, the rest aggregated. */
export function buildHeatmap(
  samples: UtilisationSample[],
  plan: BucketPlan,
  named: Named,
  rowsShown = HEATMAP_ROWS,
): Heatmap {
  const inRange = samples.filter((s) => s.at >= plan.from && s.at < plan.to);
  const totals = new Map<string, number>();
  for (const s of inRange)
    for (const [key, u] of Object.entries(s.utilisation)) totals.set(key, (totals.get(key) ?? 0) + u);
  const top = [...totals]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, rowsShown)
    .map(([key]) => key);
  const cells = new Map(top.map((key) => [key, new CellMeans(plan.count)]));
  const others = new CellMeans(plan.count);
  let othersCount = 0;
  let othersSeen = false;
  for (const s of inRange) {
    const col = (bucketStart(s.at, plan.bucketMs) - plan.from) / plan.bucketMs;
    let shownSum = 0;
    let shownN = 0;
    for (const key of top) {
      const u = s.utilisation[key];
      if (u === undefined) continue;
      cells.get(key)!.add(col, u);
      shownSum += u;
      shownN += 1;
    }
    const rest = s.agents - shownN;
    if (rest > 0 && s.mean !== null) {
      // The mean over all routable agents minus the shown ones leaves the others' mean.
      others.add(col, Math.min(1, Math.max(0, (s.mean * s.agents - shownSum) / rest)));
      othersCount = rest;
      othersSeen = true;
    }
  }
  return {
    from: plan.from,
    to: plan.to,
    cellMs: plan.bucketMs,
    columns: plan.count,
    rows: top.map((key) => ({
      ...named(key),
      mean: inRange.length ? Math.round((totals.get(key)! / inRange.length) * 1e4) / 1e4 : 0,
      cells: cells.get(key)!.means(),
    })),
    others: othersSeen ? { count: othersCount, cells: others.means() } : null,
  };
}
