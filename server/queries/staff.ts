import { asc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { teams, users } from '@/db/schema';

export async function listStaff(db: Db) {
  return db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, team: teams.name, canSignIn: users.passwordHash })
    .from(users)
    .leftJoin(teams, eq(teams.id, users.teamId))
    .orderBy(asc(users.role), asc(users.name))
    .then((rows) => rows.map((r) => ({ ...r, canSignIn: r.canSignIn !== null })));
}
