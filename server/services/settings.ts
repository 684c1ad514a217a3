import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { settings } from '@/db/schema';
import { workspaceSettingsSchema, type WorkspaceSettings } from '@/lib/validation/settings';

const KEY = 'workspace';

/** The workspace settings, with defaults for anything never saved. */
export async function getSettings(db: Db): Promise<WorkspaceSettings> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, KEY));
  return workspaceSettingsSchema.parse(row?.value ?? {});
}

export async function updateSettings(db: Db, patch: Partial<WorkspaceSettings>): Promise<WorkspaceSettings> {
  const next = workspaceSettingsSchema.parse({ ...(await getSettings(db)), ...patch });
  await db
    .insert(settings)
    .values({ key: KEY, value: next })
    .onConflictDoUpdate({ target: settings.key, set: { value: next, updatedAt: new Date() } });
  return next;
}
