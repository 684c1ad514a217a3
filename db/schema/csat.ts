import { index, integer, pgTable, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { tickets } from './tickets';

/** Every rating is kept; only a ticket's latest one counts (METRICS.md, CSAT). */
export const csatRatings = pgTable(
  'csat_ratings',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    ticketId: integer()
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    score: smallint().notNull(),
    comment: text().notNull().default(''),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('csat_ticket_idx').on(t.ticketId, t.createdAt)],
);
