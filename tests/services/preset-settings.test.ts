import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyRateLimitPreset } from '@/server/services/preset-settings';
import { getSettings } from '@/server/services/settings';
import { createTestDb, describeDb, type TestDbHandle } from '../helpers/db';

describe(`TP_RATE_LIMITS preset (${describeDb})`, () => {
  let handle: TestDbHandle;
  beforeAll(async () => {
    handle = await createTestDb();
  });
  afterAll(() => handle.close());

  it('merges the given limits over the current ones and leaves the rest', async () => {
    expect(await applyRateLimitPreset(handle.db, '{"signUpPerIp":{"limit":1000,"windowSeconds":3600}}')).toBe(true);
    const { rateLimits } = await getSettings(handle.db);
    expect(rateLimits.signUpPerIp).toEqual({ limit: 1000, windowSeconds: 3600 });
    expect(rateLimits.signInPerEmail).toEqual({ limit: 5, windowSeconds: 900 });
  });

  it('does nothing when unset, and refuses malformed values with a clear message', async () => {
    expect(await applyRateLimitPreset(handle.db, undefined)).toBe(false);
    await expect(applyRateLimitPreset(handle.db, '{oops')).rejects.toThrow(/not valid JSON/);
    await expect(applyRateLimitPreset(handle.db, '{"signUpPerIp":{"limit":0,"windowSeconds":60}}')).rejects.toThrow(/TP_RATE_LIMITS: signUpPerIp.limit/);
  });
});
