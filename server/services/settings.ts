import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { settings } from '@/db/schema';
import { workspaceSettingsSchema, type WorkspaceSettings } from '@/lib/validation/settings';

const KEY = 'workspace';

/** The workspace settings, with defaults for anything never saved. */
export async function getSettings(db: Db): Promise<WorkspaceSettings> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, KEY));
  return workspaceSettingsSchema.parse(row?.value ?? {});
}

/**
 * Saves a settings change. A new workspace time zone moves every local day, so the metric rollup is rebuilt
 * in the same transaction (a few seconds per 100k tickets): boards never mix days of two zones.
 */
export async function updateSettings(db: Db, patch: Partial<WorkspaceSettings>): Promise<WorkspaceSettings> {
  return db.transaction(async (tx) => {
    const current = await getSettings(tx);
    const next = workspaceSettingsSchema.parse({ ...current, ...patch });
    await tx
      .insert(settings)
      .values({ key: KEY, value: next })
      .onConflictDoUpdate({ target: settings.key, set: { value: next, updatedAt: new Date() } });
    if (next.timeZone !== current.timeZone) await rebuildMetricRollup(tx, next.timeZone);
    return next;
  });
}

/**
 * Recomputes metric_rollup from the tickets, with its days in `timeZone` (migration 0010). Maintenance,
 * not OLTP: every ticket is read, which on a large workspace takes longer than the pool's 10 s
 * statement_timeout, so the timeout is lifted for this transaction only.
 */
export async function rebuildMetricRollup(db: Db, timeZone: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local statement_timeout = 0`);
    await tx.execute(sql`select metric_rollup_rebuild(${timeZone})`);
  });
}
