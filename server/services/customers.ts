import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { customers } from '@/db/schema';
import { ServiceError } from '@/lib/errors';
import { hashPassword } from './passwords';

export type CustomerRow = typeof customers.$inferSelect;

export async function findCustomerByEmail(db: Db, email: string): Promise<CustomerRow | undefined> {
  const [row] = await db
    .select()
    .from(customers)
    .where(eq(sql`lower(${customers.email})`, email.toLowerCase()));
  return row;
}

/** Finds a customer by email (case-insensitive) or creates one: used by agents, imports and the demo. */
export async function findOrCreateCustomer(db: Db, input: { email: string; name: string }): Promise<CustomerRow> {
  const email = input.email.toLowerCase();
  const [created] = await db
    .insert(customers)
    .values({ email, name: input.name })
    .onConflictDoNothing()
    .returning();
  if (created) return created;
  const existing = await findCustomerByEmail(db, email);
  if (!existing) throw new Error(`customer ${email} vanished after a conflicting insert`);
  return existing;
}

const ALREADY_REGISTERED = 'An account with this email already exists. Sign in instead, or reset your password.';

/**
 * An account made by a trusted hand (the demo seed, tests): verified from the start. Customers sign
 * up in the portal through signUpAccount (portal-accounts.ts), which verifies the address by mail.
 */
export async function signUpCustomer(db: Db, input: { name: string; email: string; password: string }): Promise<CustomerRow> {
  const email = input.email.toLowerCase();
  if (await findCustomerByEmail(db, email)) {
    throw new ServiceError('conflict', ALREADY_REGISTERED, { fieldErrors: { email: [ALREADY_REGISTERED] } });
  }
  const passwordHash = await hashPassword(input.password);
  const [created] = await db
    .insert(customers)
    .values({ email, name: input.name, passwordHash, emailVerifiedAt: new Date() })
    .onConflictDoNothing()
    .returning();
  if (!created) throw new ServiceError('conflict', ALREADY_REGISTERED, { fieldErrors: { email: [ALREADY_REGISTERED] } });
  return created;
}
