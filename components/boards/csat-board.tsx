import Link from 'next/link';
import { drillHref, type InboxFilter } from '@/lib/boards/drill';
import type { CsatComment } from '@/server/queries/boards/csat';
import type { BoardFigures, BreakdownRow } from '@/server/queries/boards/figures';
import { scopeFilter } from '@/server/queries/boards/figures';
import type { BoardScope } from '@/server/queries/boards/scope';
import type { Metrics } from '@/server/queries/metrics/assemble';
import { DataTable, type Column } from './breakdown-table';
import { BarsChart, SeriesChart } from './charts';
import { ExportLink } from './export-link';
import { percent } from './format';
import { Drill, Panel, Stat } from './panel';
import { buckets, type Bucket } from './series';

function csatColumns<R>(get: (r: R) => { figures: Metrics; range: { from: Date; to: Date }; filter: InboxFilter | null }): Column<R>[] {
  return [
    { header: 'CSAT score', numeric: true, cell: (r) => (get(r).figures.csat.responses === 0 ? 'no data' : percent(get(r).figures.csat.score)) },
    {
      header: 'Responses',
      numeric: true,
      cell: (r) => {
        const { figures, range, filter } = get(r);
        return <Drill value={figures.csat.responses} href={filter ? drillHref('rated', range, filter) : null} label="rated tickets" />;
      },
    },
    { header: 'Satisfied (4–5)', numeric: true, cell: (r) => get(r).figures.csat.satisfied },
  ];
}

export function CsatBoard({
  scope,
  data,
  distribution,
  comments,
  query,
}: {
  scope: BoardScope;
  data: BoardFigures;
  distribution: Array<{ score: number; count: number }>;
  comments: CsatComment[];
  query: string;
}) {
  const { totals } = data.overview;
  const base = scopeFilter(scope);
  const rows = buckets(data.overview.series, scope);
  return (
    <div className="space-y-6">
      <div className="grid gap-4 sm:grid-cols-3">
        <Stat label="CSAT score" value={percent(totals.csat.score)} testId="csat-score" detail="Share of ratings that are 4 or 5" />
        <Stat label="Responses" value={String(totals.csat.responses)} testId="csat-responses" detail={totals.csat.responses ? <Link className="text-brand-700 hover:underline" href={drillHref('rated', scope.range, base)}>Open the rated tickets</Link> : 'No ratings in this period'} />
        <Stat label="Satisfied" value={String(totals.csat.satisfied)} testId="csat-satisfied" detail="Rated 4 or 5" />
      </div>
      <Panel
        id="csat-series"
        title="CSAT over time"
        actions={<ExportLink scope={scope} board="csat" table="series" query={query} />}
        table={
          <DataTable<Bucket>
            label="CSAT by period"
            testId="csat-series-table"
            rows={rows}
            rowKey={(b) => b.label}
            columns={[{ header: 'Period', cell: (b) => b.label }, ...csatColumns<Bucket>((b) => ({ figures: b.figures, range: b.range, filter: base }))]}
          />
        }
      >
        <SeriesChart kind="rate" data={rows.map((b) => ({ label: b.label, score: b.figures.csat.score }))} series={[{ key: 'score', name: 'CSAT score', color: '#4f46e5' }]} />
      </Panel>
      <div className="grid gap-6 lg:grid-cols-2">
        <Panel
          id="csat-distribution"
          title="Ratings 1–5"
          actions={<ExportLink scope={scope} board="csat" table="distribution" query={query} />}
          table={
            <DataTable
              label="Ratings by score"
              testId="csat-distribution-table"
              rows={distribution}
              rowKey={(d) => String(d.score)}
              columns={[{ header: 'Score', cell: (d) => d.score }, { header: 'Ratings', numeric: true, cell: (d) => d.count }]}
            />
          }
        >
          <BarsChart data={distribution.map((d) => ({ label: String(d.score), count: d.count }))} series={[{ key: 'count', name: 'Ratings', color: '#4f46e5' }]} />
        </Panel>
        <Panel id="csat-comments" title="Latest comments">
          {comments.length === 0 ? (
            <p className="text-sm text-slate-500">No comments in this period.</p>
          ) : (
            <ul className="divide-y divide-slate-100" data-testid="csat-comments">
              {comments.map((c) => (
                <li key={c.ticketId} className="py-2 text-sm">
                  <p className="text-slate-800">“{c.comment}”</p>
                  <p className="mt-0.5 text-xs text-slate-500">
                    Rated {c.score} · {c.ratedAt.slice(0, 10)} ·{' '}
                    <Link href={`/tickets/${c.ticketId}`} className="text-brand-700 hover:underline">
                      #{c.ticketId} {c.subject}
                    </Link>
                  </p>
                </li>
              ))}
            </ul>
          )}
        </Panel>
      </div>
      {data.breakdowns.map((b) => (
        <Panel key={b.dim} id={`csat-${b.dim}`} title={`By ${b.title.toLowerCase()}`} actions={<ExportLink scope={scope} board="csat" table={b.dim} query={query} />}>
          <DataTable<BreakdownRow>
            label={`CSAT by ${b.title.toLowerCase()}`}
            testId={`csat-by-${b.dim}`}
            rows={b.rows}
            rowKey={(r) => r.key ?? '\u0000'}
            columns={[{ header: b.title, cell: (r) => r.label }, ...csatColumns<BreakdownRow>((r) => ({ figures: r.figures, range: scope.range, filter: r.filter }))]}
          />
        </Panel>
      ))}
    </div>
  );
}
