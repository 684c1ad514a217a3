import Link from 'next/link';
import { cn } from '@/components/ui';
import { drillHref, type InboxFilter } from '@/lib/boards/drill';
import { boardQueryString } from '@/lib/validation/boards';
import type { BoardFigures, BreakdownRow } from '@/server/queries/boards/figures';
import { BREAKDOWN_TITLES, scopeFilter } from '@/server/queries/boards/figures';
import type { BoardScope } from '@/server/queries/boards/scope';
import type { SlaLive } from '@/server/queries/boards/sla-live';
import type { Metrics } from '@/server/queries/metrics/assemble';
import type { GroupBy } from '@/lib/validation/metrics';
import { DataTable, type Column } from './breakdown-table';
import { BarsChart, SeriesChart } from './charts';
import { ExportLink } from './export-link';
import { duration, percent } from './format';
import { Drill, Panel, Stat } from './panel';
import { buckets, type Bucket } from './series';
import { SlaLiveLists } from './sla-live';

type Clock = 'calendar' | 'business';
const frt = (m: Metrics, clock: Clock) =>
  clock === 'business'
    ? { median: m.first_response.median_business_seconds, p90: m.first_response.p90_business_seconds }
    : { median: m.first_response.median_seconds, p90: m.first_response.p90_seconds };

function responseColumns<R>(get: (r: R) => { figures: Metrics; range: { from: Date; to: Date }; filter: InboxFilter | null }, clock: Clock): Column<R>[] {
  const none = (r: R) => get(r).figures.first_response.count === 0;
  return [
    {
      header: 'Responses',
      numeric: true,
      cell: (r) => {
        const { figures, range, filter } = get(r);
        return <Drill value={figures.first_response.count} href={filter ? drillHref('first_response', range, filter) : null} label="first responses" />;
      },
    },
    { header: 'FRT median', numeric: true, cell: (r) => (none(r) ? 'no data' : duration(frt(get(r).figures, clock).median)) },
    { header: 'FRT p90', numeric: true, cell: (r) => (none(r) ? 'no data' : duration(frt(get(r).figures, clock).p90)) },
    { header: 'First res. median', numeric: true, cell: (r) => duration(get(r).figures.first_resolution.median_seconds) },
    { header: 'First res. p90', numeric: true, cell: (r) => duration(get(r).figures.first_resolution.p90_seconds) },
    { header: 'Full res. median', numeric: true, cell: (r) => duration(get(r).figures.full_resolution.median_seconds) },
    { header: 'Full res. p90', numeric: true, cell: (r) => duration(get(r).figures.full_resolution.p90_seconds) },
    { header: 'SLA', numeric: true, cell: (r) => percent(get(r).figures.sla.rate) },
    { header: 'Met', numeric: true, cell: (r) => get(r).figures.sla.met },
    { header: 'Breached', numeric: true, cell: (r) => get(r).figures.sla.breached },
  ];
}

function ClockToggle({ scope, query }: { scope: BoardScope; query: string }) {
  const params = Object.fromEntries(new URLSearchParams(query));
  return (
    <div role="group" aria-label="First response clock" className="inline-flex overflow-hidden rounded-md border border-slate-300 text-sm">
      {(['calendar', 'business'] as const).map((clock) => (
        <Link
          key={clock}
          href={`/boards/response${boardQueryString({ ...params, clock })}`}
          aria-current={scope.params.clock === clock ? 'true' : undefined}
          className={cn('px-3 py-1.5', scope.params.clock === clock ? 'bg-brand-600 text-white' : 'bg-white text-slate-700 hover:bg-slate-50')}
        >
          {clock === 'calendar' ? 'Calendar hours' : 'Business hours'}
        </Link>
      ))}
    </div>
  );
}

/** The breakdown picker: one link per dimension, the shown one marked current. */
function BreakdownTabs({ dims, current, query }: { dims: GroupBy[]; current: GroupBy; query: string }) {
  const params = Object.fromEntries(new URLSearchParams(query));
  return (
    <nav aria-label="Breakdown" className="flex flex-wrap gap-1 text-sm">
      {dims.map((dim) => (
        <Link
          key={dim}
          href={`/boards/response${boardQueryString({ ...params, by: dim })}#response-breakdown-title`}
          aria-current={dim === current ? 'true' : undefined}
          className={cn('rounded-md px-3 py-1.5', dim === current ? 'bg-brand-600 text-white' : 'text-slate-700 hover:bg-slate-100')}
        >
          {dim === 'journey' ? 'Journey' : BREAKDOWN_TITLES[dim]}
        </Link>
      ))}
    </nav>
  );
}

export function ResponseBoard({
  scope,
  data,
  dims,
  histogram,
  live,
  query,
}: {
  scope: BoardScope;
  data: BoardFigures;
  /** Every breakdown the viewer may pick; data holds the one shown. */
  dims: GroupBy[];
  histogram: Array<{ label: string; count: number }>;
  live: SlaLive;
  query: string;
}) {
  const { totals } = data.overview;
  const clock = scope.params.clock;
  const base = scopeFilter(scope);
  const rows = buckets(data.overview.series, scope);
  const own = frt(totals, clock);
  return (
    <div className="space-y-6">
      <div className="flex items-center justify-between gap-3">
        <ClockToggle scope={scope} query={query} />
        <p className="text-xs text-slate-500">{clock === 'business' ? 'First response counted inside business hours.' : 'First response in calendar time.'}</p>
      </div>
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <Stat label="Median first response" value={duration(own.median)} testId="frt-median" detail={<>p90 {duration(own.p90)} · <Drill value={totals.first_response.count} href={drillHref('first_response', scope.range, base)} label="first responses" /> responses</>} />
        <Stat label="Median first resolution" value={duration(totals.first_resolution.median_seconds)} testId="first-resolution-median" detail={`p90 ${duration(totals.first_resolution.p90_seconds)}`} />
        <Stat label="Median full resolution" value={duration(totals.full_resolution.median_seconds)} testId="full-resolution-median" detail={`p90 ${duration(totals.full_resolution.p90_seconds)}`} />
        <Stat label="SLA attainment" value={percent(totals.sla.rate)} testId="sla-rate" detail={`${totals.sla.met} targets met, ${totals.sla.breached} breached`} />
      </div>
      <Panel
        id="frt-series"
        title="First response over time"
        actions={<ExportLink scope={scope} board="response" table="series" query={query} />}
        table={
          <DataTable<Bucket>
            label="Response times by period"
            testId="response-series-table"
            rows={rows}
            rowKey={(b) => b.label}
            columns={[{ header: 'Period', cell: (b) => b.label }, ...responseColumns<Bucket>((b) => ({ figures: b.figures, range: b.range, filter: base }), clock)]}
          />
        }
      >
        <SeriesChart
          kind="seconds"
          data={rows.map((b) => ({ label: b.label, median: frt(b.figures, clock).median, p90: frt(b.figures, clock).p90 }))}
          series={[{ key: 'median', name: 'Median', color: '#4f46e5' }, { key: 'p90', name: 'p90', color: '#f59e0b' }]}
        />
      </Panel>
      <Panel
        id="frt-histogram"
        title="First response distribution"
        actions={<ExportLink scope={scope} board="response" table="histogram" query={query} />}
        table={
          <DataTable
            label="First responses by time taken"
            testId="frt-histogram-table"
            rows={histogram}
            rowKey={(h) => h.label}
            columns={[{ header: 'Time to first response', cell: (h) => h.label }, { header: 'Tickets', numeric: true, cell: (h) => h.count }]}
          />
        }
      >
        <BarsChart data={histogram} series={[{ key: 'count', name: 'Tickets', color: '#4f46e5' }]} />
      </Panel>
      <SlaLiveLists query={query} initial={live} />
      {data.breakdowns.map((b) => (
        <Panel
          key={b.dim}
          id="response-breakdown"
          title={`By ${b.title.toLowerCase()}`}
          actions={
            <>
              <BreakdownTabs dims={dims} current={b.dim} query={query} />
              <ExportLink scope={scope} board="response" table={b.dim} query={query} />
            </>
          }
        >
          <DataTable<BreakdownRow>
            label={`Response times by ${b.title.toLowerCase()}`}
            testId={`response-by-${b.dim}`}
            rows={b.rows}
            rowKey={(r) => r.key ?? '\u0000'}
            columns={[{ header: b.title, cell: (r) => r.label }, ...responseColumns<BreakdownRow>((r) => ({ figures: r.figures, range: scope.range, filter: r.filter }), clock)]}
          />
        </Panel>
      ))}
    </div>
  );
}
