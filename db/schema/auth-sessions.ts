import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { customers } from './customers';
import { users } from './users';

/**
 * One row per signed-in browser (staff or portal customer). The session cookie stays next-auth's encrypted
 * JWT; it carries this row's id, and the actor lookup on every request joins the row in the same prepared
 * statement, so a session ends the moment its row is gone: sign-out deletes it, "sign out everywhere", an
 * admin's revocation and a password change or reset delete the others. Nothing lives in process memory.
 *
 * The id is random (not derived from anything) and only ever travels inside the encrypted cookie: knowing
 * it does not let anyone make a cookie without NEXTAUTH_SECRET.
 */
export const authSessions = pgTable(
  'auth_sessions',
  {
    id: uuid().primaryKey(),
    userId: integer().references(() => users.id, { onDelete: 'cascade' }),
    customerId: integer().references(() => customers.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Sign-in + the session's maxAge: a session never outlives it, whatever the cookie says. */
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    ip: text(),
    userAgent: text(),
  },
  (t) => [
    check('auth_sessions_one_owner', sql`(${t.userId} is null) <> (${t.customerId} is null)`),
    index('auth_sessions_user_idx').on(t.userId).where(sql`${t.userId} is not null`),
    index('auth_sessions_customer_idx').on(t.customerId).where(sql`${t.customerId} is not null`),
  ],
);
