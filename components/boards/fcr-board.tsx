import { drillHref, type InboxFilter } from '@/lib/boards/drill';
import type { BoardFigures, BreakdownRow } from '@/server/queries/boards/figures';
import { scopeFilter } from '@/server/queries/boards/figures';
import type { BoardScope } from '@/server/queries/boards/scope';
import type { Metrics } from '@/server/queries/metrics/assemble';
import { DataTable, type Column } from './breakdown-table';
import { SeriesChart } from './charts';
import { ExportLink } from './export-link';
import { percent } from './format';
import { Drill, Panel, Stat } from './panel';
import { buckets, type Bucket } from './series';

/** The FCR columns of one row: each count drills down to its tickets, over `range` and `filter`. */
function fcrColumns<R>(get: (r: R) => { figures: Metrics; range: { from: Date; to: Date }; filter: InboxFilter | null }, empty: (r: R) => boolean): Column<R>[] {
  const link = (r: R, figure: Parameters<typeof drillHref>[0]) => {
    const { range, filter } = get(r);
    return filter ? drillHref(figure, range, filter) : null;
  };
  return [
    { header: 'FCR rate', numeric: true, cell: (r) => (empty(r) ? 'no data' : percent(get(r).figures.fcr.rate)) },
    { header: 'FCR', numeric: true, cell: (r) => <Drill value={get(r).figures.fcr.numerator} href={link(r, 'fcr')} label="FCR tickets" /> },
    { header: 'Counted', numeric: true, cell: (r) => <Drill value={get(r).figures.fcr.denominator} href={link(r, 'fcr_counted')} label="tickets counted for FCR" /> },
    { header: 'Not FCR', numeric: true, cell: (r) => <Drill value={get(r).figures.fcr.denominator - get(r).figures.fcr.numerator} href={link(r, 'not_fcr')} label="tickets not resolved on first contact" /> },
    { header: 'No reply', numeric: true, cell: (r) => <Drill value={get(r).figures.solved_without_reply} href={link(r, 'without_reply')} label="tickets solved without a reply" /> },
    { header: 'Reopen rate', numeric: true, cell: (r) => (empty(r) ? 'no data' : percent(get(r).figures.reopen.rate)) },
    { header: 'Reopened', numeric: true, cell: (r) => <Drill value={get(r).figures.reopen.reopened} href={link(r, 'reopened')} label="reopened tickets" /> },
    { header: 'Solved', numeric: true, cell: (r) => <Drill value={get(r).figures.solved} href={link(r, 'solved')} label="solved tickets" /> },
  ];
}

export function FcrBoard({ scope, data, query }: { scope: BoardScope; data: BoardFigures; query: string }) {
  const { totals } = data.overview;
  const base = scopeFilter(scope);
  const rows = buckets(data.overview.series, scope);
  const whole = { range: scope.range, filter: base };
  return (
    <div className="space-y-6">
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <Stat
          label="First contact resolution"
          value={percent(totals.fcr.rate)}
          testId="fcr-rate"
          detail={
            <>
              <Drill value={totals.fcr.numerator} href={drillHref('fcr', scope.range, base)} label="FCR tickets" /> of{' '}
              <Drill value={totals.fcr.denominator} href={drillHref('fcr_counted', scope.range, base)} label="tickets counted" /> tickets
            </>
          }
        />
        <Stat label="Solved without reply" value={String(totals.solved_without_reply)} testId="fcr-without-reply" detail="Left out of the FCR rate" />
        <Stat label="Reopen rate" value={percent(totals.reopen.rate)} testId="fcr-reopen-rate" detail={`${totals.reopen.reopened} of ${totals.reopen.solved} solved tickets`} />
        <Stat label="Solved" value={String(totals.solved)} testId="fcr-solved" detail="First solved in the period" />
      </div>
      <Panel
        id="fcr-series"
        title="FCR rate over time"
        actions={<ExportLink scope={scope} board="fcr" table="series" query={query} />}
        table={
          <DataTable<Bucket>
            label="FCR by period"
            testId="fcr-series-table"
            rows={rows}
            rowKey={(b) => b.label}
            columns={[{ header: 'Period', cell: (b) => b.label }, ...fcrColumns<Bucket>((b) => ({ figures: b.figures, range: b.range, filter: base }), (b) => b.figures.solved === 0)]}
          />
        }
      >
        <SeriesChart kind="rate" data={rows.map((b) => ({ label: b.label, fcr: b.figures.fcr.rate, reopen: b.figures.reopen.rate }))} series={[{ key: 'fcr', name: 'FCR rate', color: '#4f46e5' }, { key: 'reopen', name: 'Reopen rate', color: '#f59e0b' }]} />
      </Panel>
      {data.breakdowns.map((b) => (
        <Panel key={b.dim} id={`fcr-${b.dim}`} title={`By ${b.title.toLowerCase()}`} actions={<ExportLink scope={scope} board="fcr" table={b.dim} query={query} />}>
          <DataTable<BreakdownRow>
            label={`FCR by ${b.title.toLowerCase()}`}
            testId={`fcr-by-${b.dim}`}
            rows={b.rows}
            rowKey={(r) => r.key ?? '\u0000'}
            columns={[{ header: b.title, cell: (r) => r.label }, ...fcrColumns<BreakdownRow>((r) => ({ figures: r.figures, range: whole.range, filter: r.filter }), (r) => r.figures.solved === 0)]}
          />
        </Panel>
      ))}
    </div>
  );
}
