/** Aggregate helpers (METRICS.md, "Aggregates"), shared by the boards, the metrics API and the CSV export. */

/**
 * The same as Postgres `percentile_cont(p)`: nulls are left out, the rest sorted ascending, and the value at
 * position p × (n − 1) interpolated linearly between the two closest ranks. No inputs → null, never 0.
 */
export function percentileCont(values: readonly (number | null | undefined)[], p: number): number | null {
  return percentileOfSorted(values.filter((v): v is number => v !== null && v !== undefined).sort((a, b) => a - b), p);
}

/** percentileCont of values already sorted ascending, with no nulls: what a sorted walk hands each group. */
export function percentileOfSorted(sorted: ArrayLike<number>, p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`percentile must be between 0 and 1, got ${p}`);
  const n = sorted.length;
  if (n === 0) return null;
  // Postgres: first_row = floor(p * (n - 1)), proportion = p * (n - 1) - first_row, lo + (hi - lo) * proportion.
  const position = p * (n - 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const lo = sorted[lower];
  if (lower === upper) return lo;
  return roundFigure(lo + (sorted[upper] - lo) * (position - lower));
}

/**
 * Interpolated percentiles carry float noise (45360.00000000001) that differs between JS and Postgres in
 * the last bits. Six decimals keep every real fraction and drop the noise, so both give the same number.
 */
export function roundFigure(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** numerator / denominator; null when the denominator is 0 (never 0, never NaN). */
export function rate(numerator: number, denominator: number): number | null {
  if (denominator === 0 || !Number.isFinite(numerator) || !Number.isFinite(denominator)) return null;
  return numerator / denominator;
}

/** Whole seconds from `from` to `to`: floor((to − from) / 1000). */
export function floorSeconds(from: Date, to: Date): number {
  return Math.floor((to.getTime() - from.getTime()) / 1000);
}
