'use client';

import Link from 'next/link';
import { formatPointTime, formatTick, rangeTicks } from '@/components/charts/time-axis';
import { EmptyState } from '@/components/ui/empty-state';
import { formatPercent } from '@/components/ui/format';
import { useHydrated } from '@/components/ui/use-hydrated';
import { distinctLabels, utilisationColor } from './heatmap-colors';
import type { DistributionData } from './types';

type Heatmap = DistributionData['heatmap'];

const NAME_CHARS = 16;

interface CellsProps {
  cells: (number | null)[];
  name: string;
  heatmap: Heatmap;
  range: DistributionData['range'];
  hydrated: boolean;
}

/** Tooltips carry the reader's local time, so they appear after hydration (the server may sit in another zone). */
function Cells({ cells, name, heatmap, range, hydrated }: CellsProps) {
  return cells.map((u, i) => (
    <div
      key={i}
      className="h-full"
      style={{ backgroundColor: utilisationColor(u) }}
      title={
        hydrated
          ? `${name} · ${formatPointTime(heatmap.from + i * heatmap.cellMs, range)} · ${u === null ? 'no sample' : formatPercent(u)}`
          : undefined
      }
    />
  ));
}

/** Agents × time, coloured by utilisation: the busiest agents a row each, every other agent averaged in one row. */
export function UtilisationHeatmap({ distribution }: { distribution: DistributionData }) {
  const hydrated = useHydrated();
  const { heatmap, range } = distribution;
  if (!heatmap.rows.length)
    return (
      <EmptyState title="Collecting samples">
        The server records utilisation every 5 seconds; rows appear once agents are connected.
      </EmptyState>
    );
  const labels = distinctLabels(
    heatmap.rows.map((r) => r.name),
    NAME_CHARS,
  );
  const columns = { gridTemplateColumns: `repeat(${heatmap.columns}, minmax(0, 1fr))` };
  const span = heatmap.to - heatmap.from;
  const ticks = hydrated
    ? rangeTicks(heatmap.from, heatmap.to, range).filter(
        (t) => t - heatmap.from > span * 0.06 && heatmap.to - t > span * 0.06,
      )
    : [];
  const rowClass = 'grid h-3.5 min-w-0 gap-px';
  return (
    <div
      data-testid="utilisation-heatmap"
      data-chart-range={range}
      data-columns={heatmap.columns}
      data-rows={heatmap.rows.length + (heatmap.others ? 1 : 0)}
      role="figure"
      aria-label={`Utilisation of the ${heatmap.rows.length} busiest agents over time${heatmap.others ? `, and ${heatmap.others.count} others averaged` : ''}`}
      className="grid min-w-0 grid-cols-[7.5rem_minmax(0,1fr)] gap-x-2 gap-y-px text-[11px]"
    >
      {heatmap.rows.map((r, i) => (
        <div key={r.agentId ?? r.name} className="contents">
          {r.agentId ? (
            <Link
              href={`/agents/${r.agentId}`}
              title={`${r.name} · mean ${formatPercent(r.mean)}`}
              className="truncate text-right leading-[14px] text-slate-600 hover:text-indigo-600 hover:underline dark:text-slate-300"
            >
              {labels[i]}
            </Link>
          ) : (
            <span
              title={`${r.name} (no longer registered) · mean ${formatPercent(r.mean)}`}
              className="truncate text-right leading-[14px] text-slate-400"
            >
              {labels[i]}
            </span>
          )}
          {r.agentId ? (
            <Link href={`/agents/${r.agentId}`} tabIndex={-1} aria-hidden className={rowClass} style={columns}>
              <Cells cells={r.cells} name={r.name} heatmap={heatmap} range={range} hydrated={hydrated} />
            </Link>
          ) : (
            <div className={rowClass} style={columns}>
              <Cells cells={r.cells} name={r.name} heatmap={heatmap} range={range} hydrated={hydrated} />
            </div>
          )}
        </div>
      ))}
      {heatmap.others && (
        <>
          <span
            className="truncate text-right italic leading-[14px] text-slate-500"
            title="Mean utilisation of every other routable agent"
          >
            {heatmap.others.count} others (avg)
          </span>
          <div className={rowClass} style={columns}>
            <Cells
              cells={heatmap.others.cells}
              name={`${heatmap.others.count} others (avg)`}
              heatmap={heatmap}
              range={range}
              hydrated={hydrated}
            />
          </div>
        </>
      )}
      <span />
      <div className="relative h-4 overflow-hidden text-slate-500" aria-hidden>
        {ticks.map((t, i) => (
          // On a phone every other label, so neighbours never overlap.
          <span
            key={t}
            className={`absolute top-0.5 -translate-x-1/2 whitespace-nowrap ${i % 2 ? 'max-sm:hidden' : ''}`}
            style={{ left: `${((t - heatmap.from) / span) * 100}%` }}
          >
            {formatTick(t, range)}
          </span>
        ))}
      </div>
      <span />
      <div className="mt-1 flex flex-wrap items-center gap-2 text-slate-500">
        <span>0%</span>
        <span
          className="h-2 w-24 rounded-sm"
          style={{ background: `linear-gradient(to right, ${utilisationColor(0)}, ${utilisationColor(1)})` }}
        />
        <span>100% of slots in use</span>
        <span className="ml-2 inline-block h-2 w-3 rounded-sm border border-dashed border-slate-300 dark:border-slate-600" />{' '}
        <span>no sample</span>
      </div>
    </div>
  );
}
