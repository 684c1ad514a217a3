import type { Metadata } from 'next';
import { BoardFilters } from '@/components/boards/board-filters';
import { boardContext } from '@/server/queries/boards/board-context';
import { BoardLayout, scopeQueryString } from '@/components/boards/board-layout';
import { CsatBoard } from '@/components/boards/csat-board';
import { csatDistribution, latestCsatComments } from '@/server/queries/boards/csat';
import { boardDims, loadBoardFigures } from '@/server/queries/boards/figures';

export const metadata: Metadata = { title: 'CSAT' };

/** CSAT: score over time, the 1–5 distribution and the latest comments, each linked to its ticket. */
export default async function CsatBoardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { db, scope, error } = await boardContext(searchParams, '/boards/csat');
  if (!scope) return <BoardLayout board="csat" title="CSAT" error={error} />;
  const [data, distribution, comments] = await Promise.all([
    loadBoardFigures(db, scope, { dims: boardDims(scope), percentiles: false }),
    csatDistribution(db, scope),
    latestCsatComments(db, scope),
  ]);
  return (
    <BoardLayout board="csat" title="CSAT" scope={scope}>
      <BoardFilters action="/boards/csat" params={scope.params} range={scope.range} options={data.options} everyone={scope.everyone} />
      <CsatBoard scope={scope} data={data} distribution={distribution} comments={comments} query={scopeQueryString(scope)} />
    </BoardLayout>
  );
}
