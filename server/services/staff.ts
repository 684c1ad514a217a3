import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { teams, users, type StaffRole } from '@/db/schema';
import { ServiceError } from '@/lib/errors';
import { generatePassword, hashPassword } from './passwords';

export type StaffRow = typeof users.$inferSelect;

export async function findStaffByEmail(db: Db, email: string): Promise<StaffRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  return row;
}

export async function findOrCreateTeam(db: Db, name: string): Promise<{ id: number; name: string }> {
  const [created] = await db.insert(teams).values({ name }).onConflictDoNothing().returning({ id: teams.id, name: teams.name });
  if (created) return created;
  const [existing] = await db
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(eq(sql`lower(${teams.name})`, name.toLowerCase()));
  return existing;
}

export interface CreateStaffInput {
  email: string;
  name: string;
  role: StaffRole;
  team?: string | null;
  /** Omit to generate one; pass null for a user who cannot sign in (imported history). */
  password?: string | null;
}

/** Creates a staff user. Returns the generated password when none was given. */
export async function createStaffUser(db: Db, input: CreateStaffInput): Promise<{ user: StaffRow; generatedPassword?: string }> {
  const email = input.email.toLowerCase();
  if (await findStaffByEmail(db, email)) {
    throw new ServiceError('conflict', `A staff user with the email ${email} already exists.`);
  }
  const generatedPassword = input.password === undefined ? generatePassword() : undefined;
  const password = input.password === undefined ? generatedPassword! : input.password;
  const teamId = input.team ? (await findOrCreateTeam(db, input.team)).id : null;
  const [user] = await db
    .insert(users)
    .values({ email, name: input.name, role: input.role, teamId, passwordHash: password ? await hashPassword(password) : null })
    .returning();
  return { user, generatedPassword };
}
