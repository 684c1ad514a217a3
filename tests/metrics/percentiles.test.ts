import { describe, expect, it } from 'vitest';
import { percentileCont, percentileOfSorted } from '@/lib/domain/aggregates';
import { ascendingOrder } from '@/server/queries/metrics/percentiles';

const NULL = -2147483648; // how a read marks a ticket without the value

describe('the sorted walk behind board percentiles', () => {
  it('orders positions by value, ties by position, and leaves nulls out', () => {
    const values = Int32Array.from([30, NULL, 10, 30, 0, 10, NULL, 20]);
    expect([...ascendingOrder(values)]).toEqual([4, 2, 5, 7, 0, 3]);
  });

  it('falls back to a comparator sort when value and position do not fit one double, with the same order', () => {
    const values = Int32Array.from([2_000_000_000, -2_000_000_000, 5, NULL, 5, -1]);
    expect([...ascendingOrder(values)]).toEqual([1, 5, 2, 4, 0]);
  });

  it('an empty or all-null column has no order', () => {
    expect(ascendingOrder(new Int32Array(0)).length).toBe(0);
    expect(ascendingOrder(Int32Array.from([NULL, NULL])).length).toBe(0);
  });

  it('a sorted run gives what percentileCont (Postgres percentile_cont) gives, interpolated and rounded', () => {
    const values = [75600, 1800, 64800, 3600, 1800];
    const values32 = Int32Array.from(values);
    const run = Int32Array.from(ascendingOrder(values32), (i) => values32[i]);
    for (const p of [0, 0.5, 0.9, 1]) expect(percentileOfSorted(run, p)).toBe(percentileCont(values, p));
    expect(percentileOfSorted(run, 0.9)).toBe(71280); // 64800 + 0.6 × (75600 − 64800)
    expect(percentileOfSorted(new Int32Array(0), 0.5)).toBeNull();
  });
});
