import type { Db } from '@/db/client';
import { workspaceSettingsSchema } from '@/lib/validation/settings';
import { getSettings, updateSettings } from './settings';

/**
 * TP_RATE_LIMITS presets rate limits at boot, e.g. '{"signUpPerIp":{"limit":1000,"windowSeconds":3600}}':
 * for operators behind a shared IP, and for e2e runs that sign up many customers from 127.0.0.1.
 * A malformed value stops the start with a message that says what is wrong.
 */
export async function applyRateLimitPreset(db: Db, raw: string | undefined): Promise<boolean> {
  if (!raw) return false;
  let preset: unknown;
  try {
    preset = JSON.parse(raw);
  } catch {
    throw new Error('TP_RATE_LIMITS is not valid JSON, e.g. {"signUpPerIp":{"limit":100,"windowSeconds":3600}}');
  }
  const current = await getSettings(db);
  const merged = workspaceSettingsSchema.shape.rateLimits.safeParse({ ...current.rateLimits, ...(preset as object) });
  if (!merged.success) throw new Error(`TP_RATE_LIMITS: ${merged.error.issues[0]?.path.join('.')}: ${merged.error.issues[0]?.message}`);
  await updateSettings(db, { rateLimits: merged.data });
  return true;
}
