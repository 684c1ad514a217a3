import { describe, expect, it } from 'vitest';
import { boardParamsSchema, boardRange } from './boards';

const parse = (p: Record<string, string>) => boardParamsSchema.safeParse(p);
const messages = (p: Record<string, string>) => {
  const r = parse(p);
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

describe('board URL parameters', () => {
  it('a preset ends now and starts at local midnight N − 1 days before (workspace time zone)', () => {
    const now = new Date('2026-03-10T15:00:00Z');
    const r = boardRange(boardParamsSchema.parse({ range: '7' }), now, 'America/New_York');
    expect(r.from.toISOString()).toBe('2026-03-04T05:00:00.000Z');
    expect(r.to).toEqual(now);
    expect(r).toMatchObject({ custom: false, interval: 'day', fromDate: '2026-03-04', toDate: '2026-03-10' });
    expect(boardRange(boardParamsSchema.parse({}), now, 'UTC').fromDate).toBe('2026-02-09');
    expect(boardRange(boardParamsSchema.parse({ range: '90' }), now, 'UTC').interval).toBe('week');
  });

  it('a custom range covers both days, in the time zone, across a DST change', () => {
    const r = boardRange(boardParamsSchema.parse({ from: '2026-03-07', to: '2026-03-08' }), new Date(), 'America/New_York');
    expect(r.from.toISOString()).toBe('2026-03-07T05:00:00.000Z');
    expect(r.to.toISOString()).toBe('2026-03-09T04:00:00.000Z'); // clocks went forward on the 8th
    expect(r).toMatchObject({ custom: true, fromDate: '2026-03-07', toDate: '2026-03-08' });
  });

  it('a preset ignores the dates the form also sends', () => {
    const r = boardRange(boardParamsSchema.parse({ range: '30', from: '2026-01-01', to: '2026-01-02' }), new Date('2026-03-10T00:00:00Z'), 'UTC');
    expect(r.custom).toBe(false);
  });

  it('bad parameters get messages that say what to fix', () => {
    expect(messages({ range: '12' })).toEqual([expect.stringMatching(/range must be 7, 30 or 90/)]);
    expect(messages({ range: 'custom', from: '2026-03-01' })).toEqual(['A custom range needs both from and to']);
    expect(messages({ from: '2026-03-05', to: '2026-03-01' })).toEqual(['from must be on or before to']);
    expect(messages({ from: '2024-01-01', to: '2026-01-01' })).toEqual([expect.stringMatching(/at most 366 days/)]);
    expect(messages({ from: 'yesterday', to: '2026-01-01' })).toEqual([expect.stringMatching(/from must be a date/)]);
    expect(messages({ team: 'support' })).toEqual(['team must be an id from the list']);
    expect(messages({ channel: 'fax' })).toEqual([expect.stringMatching(/channel must be one of/)]);
    expect(messages({ colour: 'blue' })).toEqual([expect.stringMatching(/colour must be one of fcr, frt, csat/)]);
    expect(messages({ interval: 'month' })).toEqual(['interval must be day or week']);
    expect(messages({ from: '2026-02-30', to: '2026-03-01' })).toEqual(['from must be a date like 2026-01-31']);
  });
});
