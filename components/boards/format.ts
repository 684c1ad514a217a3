import { formatDuration } from '@/lib/format';

/** A rate as a whole percent; a 0 denominator (null) as an en dash, never 0%. */
export const percent = (rate: number | null) => (rate === null ? '–' : `${Math.round(rate * 100)}%`);
/** Seconds (percentiles may be fractional) as "2 h 5 min"; null as an en dash. */
export const duration = (seconds: number | null) => formatDuration(seconds === null ? null : Math.round(seconds));
