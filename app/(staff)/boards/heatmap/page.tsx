import type { Metadata } from 'next';
import { BoardFilters } from '@/components/boards/board-filters';
import { boardContext } from '@/server/queries/boards/board-context';
import { BoardLayout, scopeQueryString } from '@/components/boards/board-layout';
import { JourneyHeatmap } from '@/components/boards/heatmap';
import { loadHeatmap } from '@/server/queries/boards/heatmap';
import { boardFilterOptions } from '@/server/queries/boards/scope';

export const metadata: Metadata = { title: 'Journey heatmap' };

/** Which moments of the journey create service demand, and which are served badly. */
export default async function HeatmapPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { db, scope, error } = await boardContext(searchParams, '/boards/heatmap');
  if (!scope) return <BoardLayout board="heatmap" title="Journey heatmap" error={error} />;
  const [options, heatmap] = await Promise.all([boardFilterOptions(db), loadHeatmap(db, scope)]);
  return (
    <BoardLayout board="heatmap" title="Journey heatmap" scope={scope}>
      <BoardFilters action="/boards/heatmap" params={scope.params} range={scope.range} options={options} everyone={scope.everyone} keep={{ colour: scope.params.colour }} />
      <JourneyHeatmap scope={scope} heatmap={heatmap} query={scopeQueryString(scope)} />
    </BoardLayout>
  );
}
