import { and, asc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { teams, users } from '@/db/schema';

/**
 * The team's next agent for an unassigned ticket, when the team has round-robin on: among its available
 * agents who can sign in, the one who waited longest for an auto-assigned ticket. The row lock (skip
 * locked) keeps two app processes from handing the same turn to two tickets at once.
 */
export async function nextRoundRobinAgent(tx: Db, teamId: number | null, at: Date): Promise<number | null> {
  if (teamId === null) return null;
  const [team] = await tx.select({ autoAssign: teams.autoAssign }).from(teams).where(eq(teams.id, teamId));
  if (!team?.autoAssign) return null;
  const [agent] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.teamId, teamId), eq(users.isAvailable, true), inArray(users.role, ['agent', 'lead']), isNull(users.deactivatedAt), isNotNull(users.passwordHash)))
    .orderBy(sql`${users.lastAutoAssignedAt} asc nulls first`, asc(users.id))
    .limit(1)
    .for('update', { skipLocked: true });
  if (!agent) return null;
  await tx.update(users).set({ lastAutoAssignedAt: at }).where(eq(users.id, agent.id));
  return agent.id;
}

export async function setAvailability(db: Db, staffId: number, available: boolean): Promise<void> {
  await db.update(users).set({ isAvailable: available }).where(eq(users.id, staffId));
}
