import { getDbHandle, type DbKind } from '@/db/client';
import { isDatabaseUnavailable } from '@/db/unavailable';
import { logger } from '@/lib/logger';
import { applyRateLimitPreset } from '@/server/services/preset-settings';
import { DEMO_PASSWORD, seedDemoIfEmpty } from '@/server/seed/demo';

export interface BootResult {
  kind: DbKind;
  /** Whether demo data was written during this boot. */
  seeded: boolean;
}

/**
 * Opens (and migrates) the app's database once per process, then seeds the demo workspace when it is
 * empty: always on the embedded PGlite unless TP_DEMO_SEED=0, and on Postgres only with TP_DEMO_SEED=1.
 * A failed seed is logged and does not stop the app; a failed migration, or the database going away,
 * fails this boot, and server/startup.ts tries again.
 */
export async function bootDatabase(): Promise<BootResult> {
  const started = Date.now();
  const handle = await getDbHandle();
  if (await applyRateLimitPreset(handle.db, process.env.TP_RATE_LIMITS)) console.info('[touchpoint] rate limits preset from TP_RATE_LIMITS.');
  const flag = process.env.TP_DEMO_SEED;
  const wantSeed = flag === '1' || (handle.kind === 'pglite' && flag !== '0');

  if (!wantSeed) {
    console.info(`[touchpoint] ${handle.kind} database ready; demo seeding off (set TP_DEMO_SEED=1 to seed an empty database).`);
    return { kind: handle.kind, seeded: false };
  }

  try {
    const seeded = await seedDemoIfEmpty(handle.db);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.info(
      seeded
        ? `[touchpoint] ${handle.kind} database ready; seeded demo data in ${seconds} s. Sign in as admin@touchpoint.test / ${DEMO_PASSWORD}.`
        : `[touchpoint] ${handle.kind} database ready; it already has users, so no demo data was added.`,
    );
    return { kind: handle.kind, seeded };
  } catch (error) {
    if (isDatabaseUnavailable(error)) throw error; // the database went away mid-seed: start-up tries again
    logger.error({ err: error }, 'demo seed failed');
    console.error(`[touchpoint] ${handle.kind} database ready, but seeding the demo data failed: ${(error as Error).message}`);
    return { kind: handle.kind, seeded: false };
  }
}
