import { TZDate } from '@date-fns/tz';
import { addDays, addWeeks, format, startOfDay, startOfISOWeek } from 'date-fns';

/**
 * The day or ISO-week (Monday) buckets that overlap [from, to), in the workspace time zone.
 * `label` is the local date (matches the SQL's to_char); `start` the bucket's first instant.
 */
export function bucketStarts(from: Date, to: Date, interval: 'day' | 'week', timeZone: string) {
  const local = new TZDate(from.getTime(), timeZone);
  let cursor = interval === 'day' ? startOfDay(local) : startOfISOWeek(local);
  const out: Array<{ label: string; start: string }> = [];
  while (cursor.getTime() < to.getTime()) {
    out.push({ label: format(cursor, 'yyyy-MM-dd'), start: new Date(cursor.getTime()).toISOString() });
    cursor = interval === 'day' ? addDays(cursor, 1) : addWeeks(cursor, 1);
  }
  return out;
}
