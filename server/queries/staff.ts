import { asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { authSessions, teams, users } from '@/db/schema';
import { preparedPerDb } from './prepared';

/** Settings → Staff: everyone, with how many browsers each is signed in on now (a count over an index, per person). */
export async function listStaff(db: Db) {
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      team: teams.name,
      canSignIn: users.passwordHash,
      liveSessions: sql<number>`(select count(*)::int from ${authSessions} s where s.user_id = ${users.id} and s.expires_at > now())`,
    })
    .from(users)
    .leftJoin(teams, eq(teams.id, users.teamId))
    .orderBy(asc(users.role), asc(users.name))
    .then((rows) => rows.map((r) => ({ ...r, canSignIn: r.canSignIn !== null })));
}

/** The staff who can take tickets, for pickers and filters. */
export const listActiveStaff = (db: Db) =>
  db.select({ id: users.id, name: users.name }).from(users).where(isNull(users.deactivatedAt)).orderBy(asc(users.name), asc(users.id));
export const listTeams = (db: Db) => db.select({ id: teams.id, name: teams.name }).from(teams).orderBy(asc(teams.name));

const availabilityRow = preparedPerDb((db) =>
  db.select({ available: users.isAvailable }).from(users).where(eq(users.id, sql.placeholder('staffId'))).prepare('staff_availability'),
);

/** The header switch, on every staff page. */
export async function isStaffAvailable(db: Db, staffId: number): Promise<boolean> {
  const [row] = await availabilityRow(db).execute({ staffId });
  return row?.available ?? false;
}

/** Teams with their round-robin switch and how many of their agents are available right now. */
export async function listTeamsWithAvailability(db: Db) {
  return db
    .select({
      id: teams.id,
      name: teams.name,
      autoAssign: teams.autoAssign,
      available: sql<number>`(select count(*)::int from ${users} u where u.team_id = ${teams.id} and u.is_available and u.deactivated_at is null)`,
    })
    .from(teams)
    .orderBy(asc(teams.name));
}
