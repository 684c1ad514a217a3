import { asc, desc, eq, isNull, or } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { cxTags, macros, users } from '@/db/schema';
import type { StaffActor } from '@/lib/domain/permissions';
import type { WorkspaceReads } from './workspace-cache';

/** The macros a staff member may use: every shared one and their own personal ones, shared first. */
export async function listUsableMacros(db: Db, staff: Pick<StaffActor, 'id'>) {
  return db
    .select({ id: macros.id, name: macros.name, body: macros.body, actions: macros.actions, shared: macros.shared, ownerId: macros.ownerId, ownerName: users.name })
    .from(macros)
    .innerJoin(users, eq(users.id, macros.ownerId))
    .where(or(eq(macros.shared, true), eq(macros.ownerId, staff.id)))
    .orderBy(desc(macros.shared), asc(macros.name), asc(macros.id));
}
export type UsableMacro = Awaited<ReturnType<typeof listUsableMacros>>[number];

/** The same, from the workspace cache: the composer offers them on every ticket page. */
export function cachedUsableMacros(workspace: WorkspaceReads, staff: Pick<StaffActor, 'id'>) {
  return workspace.get(`usable-macros:${staff.id}`, (db) => listUsableMacros(db, staff));
}

export async function findMacro(db: Db, id: number) {
  const [row] = await db.select().from(macros).where(eq(macros.id, id));
  return row ?? null;
}

/** Tags a macro may add: the live ones, by group and the admin's order. */
export function listActiveTagOptions(db: Db) {
  return db
    .select({ value: cxTags.key, label: cxTags.label })
    .from(cxTags)
    .where(isNull(cxTags.retiredAt))
    .orderBy(asc(cxTags.group), asc(cxTags.position));
}
