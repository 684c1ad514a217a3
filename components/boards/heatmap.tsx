import Link from 'next/link';
import { cn } from '@/components/ui';
import { drillHref } from '@/lib/boards/drill';
import { boardQueryString, type HeatmapColour } from '@/lib/validation/boards';
import { scopeFilter } from '@/server/queries/boards/figures';
import type { Heatmap } from '@/server/queries/boards/heatmap';
import type { BoardScope } from '@/server/queries/boards/scope';
import type { Metrics } from '@/server/queries/metrics/assemble';
import { duration, percent } from './format';

const COLOURS: Record<HeatmapColour, { label: string; value: (m: Metrics) => number | null; show: (v: number | null) => string }> = {
  fcr: { label: 'FCR rate', value: (m) => m.fcr.rate, show: percent },
  frt: { label: 'Median first response', value: (m) => m.first_response.median_seconds, show: duration },
  csat: { label: 'CSAT score', value: (m) => m.csat.score, show: percent },
};

/** Red (bad) to green (good): rates as they are; a median first response against the slowest cell. */
function background(colour: HeatmapColour, v: number | null, slowest: number): string | undefined {
  if (v === null) return undefined;
  const good = colour === 'frt' ? (slowest > 0 ? 1 - v / slowest : 1) : v;
  return `hsl(${Math.round(good * 120)} 70% 85%)`;
}

export function JourneyHeatmap({ scope, heatmap, query }: { scope: BoardScope; heatmap: Heatmap; query: string }) {
  const colour = scope.params.colour;
  const def = COLOURS[colour];
  const base = scopeFilter(scope);
  const values = [...heatmap.cells.values()].map(def.value).filter((v): v is number => v !== null);
  const slowest = Math.max(0, ...values);
  const params = Object.fromEntries(new URLSearchParams(query));
  return (
    <div className="space-y-4">
      <div role="group" aria-label="Colour cells by" className="flex flex-wrap items-center gap-2 text-sm">
        <span className="text-slate-600">Colour by</span>
        {(Object.keys(COLOURS) as HeatmapColour[]).map((c) => (
          <Link
            key={c}
            href={`/boards/heatmap${boardQueryString({ ...params, colour: c })}`}
            aria-current={c === colour ? 'true' : undefined}
            className={cn('rounded-md border px-3 py-1.5', c === colour ? 'border-brand-600 bg-brand-600 text-white' : 'border-slate-300 bg-white text-slate-700 hover:bg-slate-50')}
          >
            {COLOURS[c].label}
          </Link>
        ))}
      </div>
      <div className="w-full overflow-x-auto rounded-card border border-slate-200 bg-white shadow-sm" role="region" aria-label="Journey heatmap" tabIndex={0}>
        <table className="w-full border-collapse text-sm" data-testid="heatmap">
          <caption className="sr-only">
            Tickets created per journey stage (columns) and touchpoint (rows), with the {def.label.toLowerCase()} of each cell
          </caption>
          <thead>
            <tr>
              <th scope="col" className="ui-th">Touchpoint \ stage</th>
              {heatmap.stages.map((s) => (
                <th key={s.key ?? ''} scope="col" className="ui-th text-center">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {heatmap.touchpoints.map((t) => (
              <tr key={t.key ?? ''} className="border-t border-slate-100">
                <th scope="row" className="ui-td text-left font-medium text-slate-900">
                  {t.label}
                </th>
                {heatmap.stages.map((s) => {
                  const cell = heatmap.cells.get(`${s.key ?? ''}|${t.key ?? ''}`);
                  const v = cell ? def.value(cell) : null;
                  const created = cell?.created ?? 0;
                  const body = (
                    <>
                      <span className={cn('block text-base font-semibold', created ? 'text-slate-900' : 'text-slate-400')}>{created}</span>
                      <span className="block text-xs text-slate-700">{cell && v !== null ? def.show(v) : created ? '–' : ''}</span>
                    </>
                  );
                  const linkable = s.key !== null && t.key !== null && created > 0;
                  return (
                    <td key={s.key ?? ''} className="border-l border-slate-100 p-0 text-center" style={{ background: background(colour, v, slowest) }} data-cell={`${s.key ?? ''}|${t.key ?? ''}`}>
                      {linkable ? (
                        <Link
                          href={drillHref('created', scope.range, { ...base, journey_stage: s.key!, touchpoint: t.key! })}
                          className="block px-2 py-2 hover:outline hover:outline-2 hover:outline-brand-500 focus-visible:outline-2"
                          aria-label={`${s.label} at ${t.label}: ${created} tickets, ${def.label} ${v === null ? 'no data' : def.show(v)}. Open in inbox`}
                        >
                          {body}
                        </Link>
                      ) : (
                        <div className="px-2 py-2">{body}</div>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="text-xs text-slate-500">
        Each cell: tickets created in the period, and its {def.label.toLowerCase()} (green is better, red worse, none: no data). Click a cell to open its tickets.
      </p>
    </div>
  );
}
