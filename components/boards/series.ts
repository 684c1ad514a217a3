import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { Metrics } from '@/server/queries/metrics/assemble';
import type { BoardScope } from '@/server/queries/boards/scope';

export interface Bucket {
  label: string;
  /** The bucket clipped to the board's range, for drill-down links. */
  range: { from: Date; to: Date };
  figures: Metrics;
}

/** The series' buckets with their local label and their own [from, to) inside the board's range. */
export function buckets(series: Array<{ start: string } & Metrics> | undefined, scope: BoardScope): Bucket[] {
  const { from, to } = scope.range;
  return (series ?? []).map(({ start, ...figures }, i, all) => {
    const begin = new Date(Math.max(Date.parse(start), from.getTime()));
    const end = new Date(i + 1 < all.length ? Math.min(Date.parse(all[i + 1].start), to.getTime()) : to.getTime());
    const local = format(new TZDate(Date.parse(start), scope.timeZone), 'yyyy-MM-dd');
    return { label: scope.range.interval === 'week' ? `Week of ${local}` : local, range: { from: begin, to: end }, figures };
  });
}
