import { and, asc, count, eq, or, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { savedViews, tickets, users } from '@/db/schema';
import { ServiceError } from '@/lib/errors';
import { inboxQuerySchema, type InboxQuery } from '@/lib/validation/inbox';
import { filterConditions } from './filters';

/** The views a staff member may use: their own, and those shared with their team. */
export async function listSavedViews(db: Db, staffId: number) {
  const [me] = await db.select({ teamId: users.teamId }).from(users).where(eq(users.id, staffId));
  return db
    .select({ id: savedViews.id, name: savedViews.name, ownerId: savedViews.ownerId, sharedWithTeamId: savedViews.sharedWithTeamId, filters: savedViews.filters })
    .from(savedViews)
    .where(or(eq(savedViews.ownerId, staffId), me?.teamId ? eq(savedViews.sharedWithTeamId, me.teamId) : undefined))
    .orderBy(asc(savedViews.name));
}

/** `view=saved:<id>` becomes that view's filters; parameters given alongside refine them. */
export async function resolveSavedView(db: Db, query: InboxQuery, staffId: number): Promise<InboxQuery> {
  if (!query.view?.startsWith('saved:')) return query;
  const id = Number(query.view.slice(6));
  const view = (await listSavedViews(db, staffId)).find((v) => v.id === id);
  if (!view) throw new ServiceError('not_found', 'That saved view does not exist, or is not shared with you.');
  // Saved before today's rules, a view's filters may no longer parse: say so rather than fail the request.
  const stored = inboxQuerySchema.safeParse(view.filters);
  if (!stored.success) throw new ServiceError('invalid', `The saved view "${view.name}" has filters that are no longer valid (${stored.error.issues[0]?.message}). Delete it and save it again.`, { fieldErrors: { view: ['That saved view can no longer be used'] } });
  const saved = stored.data;
  const given = Object.fromEntries(Object.entries(query).filter(([k, v]) => v !== undefined && k !== 'view'));
  return { ...saved, ...given, view: saved.view ?? 'all' };
}

export const COUNT_CAP = 1000;

/** How many tickets a view holds, counted only up to the cap ("1,000+"): never a count over the whole table. */
export async function countView(db: Db, query: InboxQuery, staffId: number, now = new Date()): Promise<{ count: number; capped: boolean }> {
  const where = filterConditions(query, { staffId, now });
  const capped = db.select({ one: sql`1` }).from(tickets).where(and(...where)).limit(COUNT_CAP + 1).as('capped');
  const [row] = await db.select({ n: count() }).from(capped);
  const n = Number(row?.n ?? 0);
  return { count: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP };
}
