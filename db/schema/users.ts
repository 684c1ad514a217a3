import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { teams } from './teams';

export const STAFF_ROLES = ['admin', 'lead', 'agent'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Staff: admins, leads and agents. A null password hash means the user cannot sign in (e.g. imported). */
export const users = pgTable(
  'users',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    email: text().notNull(),
    name: text().notNull(),
    role: text({ enum: STAFF_ROLES }).notNull(),
    teamId: integer().references(() => teams.id, { onDelete: 'set null' }),
    passwordHash: text(),
    /** The header switch: only available agents take round-robin tickets. It turns off at sign-out. */
    isAvailable: boolean().notNull().default(false),
    /** When round-robin last gave this agent a ticket: the next one goes to whoever waited longest. */
    lastAutoAssignedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    deactivatedAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex('users_email_lower_idx').on(sql`lower(${t.email})`), index('users_team_idx').on(t.teamId)],
);
