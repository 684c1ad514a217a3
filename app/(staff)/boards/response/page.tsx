import type { Metadata } from 'next';
import { BoardFilters } from '@/components/boards/board-filters';
import { boardContext } from '@/server/queries/boards/board-context';
import { BoardLayout, scopeQueryString } from '@/components/boards/board-layout';
import { ResponseBoard } from '@/components/boards/response-board';
import { boardDims, loadBoardFigures, responseBreakdown } from '@/server/queries/boards/figures';
import { scopeQuery } from '@/server/queries/boards/scope';
import { slaLive } from '@/server/queries/boards/sla-live';
import { firstResponseHistogram } from '@/server/queries/metrics/histogram';

export const metadata: Metadata = { title: 'Response time and SLA' };

const TITLE = 'Response time and SLA';

/** Response times (calendar or business), resolution, SLA attainment and the live at-risk list. */
export default async function ResponseBoardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { staff, db, scope, error } = await boardContext(searchParams, '/boards/response');
  if (!scope) return <BoardLayout board="response" title={TITLE} error={error} />;
  const [data, histogram, live] = await Promise.all([
    loadBoardFigures(db, scope, { dims: [responseBreakdown(scope)], percentiles: true }),
    firstResponseHistogram(db, scopeQuery(scope), scope.params.clock),
    slaLive(db, scope, staff.id),
  ]);
  return (
    <BoardLayout board="response" title={TITLE} scope={scope}>
      <BoardFilters action="/boards/response" params={scope.params} range={scope.range} options={data.options} everyone={scope.everyone} keep={{ clock: scope.params.clock, ...(scope.params.by ? { by: scope.params.by } : {}) }} />
      <ResponseBoard scope={scope} data={data} dims={boardDims(scope)} histogram={histogram} live={live} query={scopeQueryString(scope)} />
    </BoardLayout>
  );
}
