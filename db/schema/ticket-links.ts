import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, timestamp } from 'drizzle-orm/pg-core';
import { tickets } from './tickets';
import { users } from './users';

/**
 * "Related" links between two tickets. Symmetric: stored once with the lower id first, so a pair can
 * never be linked twice, and read from either side.
 */
export const ticketLinks = pgTable(
  'ticket_links',
  {
    lowId: integer()
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    highId: integer()
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    createdByUserId: integer().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.lowId, t.highId] }), index('ticket_links_high_idx').on(t.highId), check('ticket_links_ordered', sql`${t.lowId} < ${t.highId}`)],
);
