import type { Db } from '@/db/client';
import { queryMetrics } from '../metrics/aggregate';
import type { Metrics } from '../metrics/assemble';
import { listActiveTaxonomy } from '../taxonomy';
import { scopeQuery, type BoardScope } from './scope';

export interface HeatmapAxis {
  key: string | null;
  label: string;
}
export interface Heatmap {
  stages: HeatmapAxis[];
  touchpoints: HeatmapAxis[];
  /** Keyed "stage|touchpoint" ('' for none), as group_by=journey keys them. */
  cells: Map<string, Metrics>;
}

/**
 * Journey stages across, touchpoints down, in the admin's order; a key no longer in the taxonomy (retired)
 * and "None" come last. Counts come from the rollup's stage|touchpoint dimension; the median first response
 * (only when it colours the map) from the FRT covering index.
 */
export async function loadHeatmap(db: Db, scope: BoardScope): Promise<Heatmap> {
  const [taxonomy, result] = await Promise.all([
    listActiveTaxonomy(db),
    queryMetrics(db, scopeQuery(scope, { group_by: 'journey' }), { timeZone: scope.timeZone, percentiles: scope.params.colour === 'frt' }),
  ]);
  const cells = new Map(result.groups.map(({ key, label, ...figures }) => (void label, [key ?? '|', figures] as const)));
  const axis = (active: Array<{ key: string; label: string }>, used: Set<string>): HeatmapAxis[] => {
    const known = new Set(active.map((a) => a.key));
    const extra = [...used].filter((k) => k !== '' && !known.has(k)).sort();
    return [...active.map((a) => ({ key: a.key, label: a.label })), ...extra.map((k) => ({ key: k, label: k })), ...(used.has('') ? [{ key: null, label: 'None' }] : [])];
  };
  const keys = [...cells.keys()].map((k) => k.split('|'));
  return {
    stages: axis(taxonomy.stages, new Set(keys.map(([s]) => s))),
    touchpoints: axis(taxonomy.touchpoints, new Set(keys.map(([, t]) => t))),
    cells,
  };
}
