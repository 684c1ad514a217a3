import type { Metadata } from 'next';
import { BoardFilters } from '@/components/boards/board-filters';
import { boardContext } from '@/server/queries/boards/board-context';
import { BoardLayout, scopeQueryString } from '@/components/boards/board-layout';
import { FcrBoard } from '@/components/boards/fcr-board';
import { boardDims, loadBoardFigures } from '@/server/queries/boards/figures';

export const metadata: Metadata = { title: 'First contact resolution' };

/** The FCR board: from the same query layer as /api/v1/metrics. Agents see their own figures. */
export default async function FcrBoardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { db, scope, error } = await boardContext(searchParams, '/boards');
  if (!scope) return <BoardLayout board="fcr" title="First contact resolution" error={error} />;
  const data = await loadBoardFigures(db, scope, { dims: boardDims(scope), percentiles: false });
  return (
    <BoardLayout board="fcr" title="First contact resolution" scope={scope}>
      <BoardFilters action="/boards" params={scope.params} range={scope.range} options={data.options} everyone={scope.everyone} />
      <FcrBoard scope={scope} data={data} query={scopeQueryString(scope)} />
    </BoardLayout>
  );
}
