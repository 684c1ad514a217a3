import { describe, expect, it } from 'vitest';
import { metricsQuerySchema } from './metrics';

describe('metrics parameters', () => {
  it.each([
    [{ from: 'yesterday', to: '2026-01-01T00:00:00Z' }, /from must be an ISO instant/],
    [{ to: '2026-01-01T00:00:00Z' }, /from is required/],
    [{ from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }, /from must be before to/],
    [{ from: '2024-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }, /at most 366 days/],
    [{ from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z', group_by: 'colour' }, /group_by must be one of/],
  ])('%o is refused with a message', (input, message) => {
    const parsed = metricsQuerySchema.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(message);
  });

  it('accepts a half-open range of exactly 366 days', () => {
    expect(metricsQuerySchema.safeParse({ from: '2025-01-01T00:00:00Z', to: '2026-01-02T00:00:00Z' }).success).toBe(true);
  });
});
