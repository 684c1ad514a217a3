import { describe, expect, it } from 'vitest';
import { floorSeconds, percentileCont, rate } from './aggregates';

describe('percentileCont (Postgres percentile_cont)', () => {
  it.each([
    ['no inputs → null', [], 0.5, null],
    ['only nulls → null', [null, null], 0.5, null],
    ['one value → that value', [5], 0.5, 5],
    ['one value, p90 → that value', [5], 0.9, 5],
    ['[1,2,3,4] median → 2.5', [1, 2, 3, 4], 0.5, 2.5],
    ['[1,2,3] median → 2', [1, 2, 3], 0.5, 2],
    ['unsorted input [4,1,3,2] median → 2.5', [4, 1, 3, 2], 0.5, 2.5],
    ['nulls ignored: [null,1,null,4] median → 2.5', [null, 1, null, 4], 0.5, 2.5],
    ['p0 → the minimum', [7, 3, 9], 0, 3],
    ['p1 → the maximum', [7, 3, 9], 1, 9],
    ['[10,20] p90 → 19', [10, 20], 0.9, 19],
    ['numeric sort, not lexicographic: [100, 20, 3] median → 20', [100, 20, 3], 0.5, 20],
  ] as [string, (number | null)[], number, number | null][])('%s', (_label, values, p, expected) => {
    expect(percentileCont(values, p)).toBe(expected);
  });

  it('[1..10] p90 → 9.1', () => {
    expect(percentileCont([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1, 10);
  });

  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    percentileCont(values, 0.5);
    expect(values).toEqual([3, 1, 2]);
  });

  it('rejects a percentile outside [0, 1]', () => {
    expect(() => percentileCont([1], 1.5)).toThrow(RangeError);
  });
});

describe('rate', () => {
  it.each([
    ['3 / 4 → 0.75', 3, 4, 0.75],
    ['0 / 4 → 0', 0, 4, 0],
    ['0 / 0 → null, never NaN', 0, 0, null],
    ['5 / 0 → null', 5, 0, null],
  ])('%s', (_label, n, d, expected) => {
    expect(rate(n, d)).toBe(expected);
  });
});

describe('floorSeconds', () => {
  const from = new Date('2026-03-02T10:00:00.000Z');
  it.each([
    ['same instant → 0', '2026-03-02T10:00:00.000Z', 0],
    ['999 ms → 0', '2026-03-02T10:00:00.999Z', 0],
    ['1.5 s → 1', '2026-03-02T10:00:01.500Z', 1],
    ['one hour → 3600', '2026-03-02T11:00:00.000Z', 3600],
  ])('%s', (_label, to, expected) => {
    expect(floorSeconds(from, new Date(to))).toBe(expected);
  });
});
