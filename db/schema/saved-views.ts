import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { teams } from './teams';
import { users } from './users';

/** An agent's named filter and sort: private, or shared with their team. */
export const savedViews = pgTable(
  'saved_views',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    name: text().notNull(),
    ownerId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    sharedWithTeamId: integer().references(() => teams.id, { onDelete: 'set null' }),
    /** The view's URL parameters (view, filters, sort), validated by lib/validation/inbox when read. */
    filters: jsonb().$type<Record<string, string>>().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('saved_views_owner_idx').on(t.ownerId), index('saved_views_team_idx').on(t.sharedWithTeamId)],
);
