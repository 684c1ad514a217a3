import { z } from 'zod';
import type { Db } from '@/db/client';
import { csvLine } from '@/lib/csv';
import { ServiceError } from '@/lib/errors';
import { GROUP_BY } from '@/lib/validation/metrics';
import { queryMetrics } from '../metrics/aggregate';
import { firstResponseHistogram } from '../metrics/histogram';
import { csatDistribution } from './csat';
import { METRICS_COLUMNS, metricsCells } from './export';
import { scopeQuery, type BoardScope } from './scope';

export const BOARD_TABLES = ['series', ...GROUP_BY, 'histogram', 'distribution'] as const;
const tableSchema = z.object({
  board: z.enum(['fcr', 'response', 'csat', 'heatmap'], { message: 'board must be fcr, response, csat or heatmap' }),
  table: z.enum(BOARD_TABLES, { message: `table must be one of ${BOARD_TABLES.join(', ')}` }),
});
export type BoardTable = z.infer<typeof tableSchema>;

export function parseBoardTable(raw: Record<string, string>): BoardTable {
  const parsed = tableSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ServiceError('invalid', parsed.error.issues.map((i) => i.message).join('. '), {
      fieldErrors: Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.') || 'query', [i.message]])),
    });
  }
  return parsed.data;
}

/**
 * One board table as CSV lines. Periods and groups come from queryMetrics with percentiles, exactly what
 * GET /api/v1/metrics answers for the same range and filters, so the CSV and the API cannot disagree.
 */
export async function boardTableCsv(db: Db, scope: BoardScope, { table }: BoardTable): Promise<string[]> {
  const opts = { timeZone: scope.timeZone, percentiles: true };
  if (table === 'histogram') {
    const rows = await firstResponseHistogram(db, scopeQuery(scope), scope.params.clock);
    return [csvLine([`first_response_${scope.params.clock}`, 'tickets']), ...rows.map((r) => csvLine([r.label, r.count]))];
  }
  if (table === 'distribution') {
    return [csvLine(['score', 'ratings']), ...(await csatDistribution(db, scope)).map((r) => csvLine([r.score, r.count]))];
  }
  if (table === 'series') {
    const { series = [] } = await queryMetrics(db, scopeQuery(scope, { interval: scope.range.interval }), opts);
    return [csvLine(['period_start', ...METRICS_COLUMNS]), ...series.map(({ start, ...m }) => csvLine([start, ...metricsCells(m)]))];
  }
  const { groups } = await queryMetrics(db, scopeQuery(scope, { group_by: table }), opts);
  return [csvLine([`${table}_key`, `${table}_label`, ...METRICS_COLUMNS]), ...groups.map(({ key, label, ...m }) => csvLine([key, label, ...metricsCells(m)]))];
}
