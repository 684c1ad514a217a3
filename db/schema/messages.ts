import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { CHANNELS, MESSAGE_AUTHOR_KINDS, VISIBILITIES } from '@/lib/domain/ticket-values';
import { customers } from './customers';
import { tickets } from './tickets';
import { users } from './users';

export const messages = pgTable(
  'messages',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    ticketId: integer()
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    authorKind: text({ enum: MESSAGE_AUTHOR_KINDS }).notNull(),
    authorUserId: integer().references(() => users.id),
    authorCustomerId: integer().references(() => customers.id),
    visibility: text({ enum: VISIBILITIES }).notNull(),
    channel: text({ enum: CHANNELS }),
    body: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('messages_ticket_idx').on(t.ticketId, t.createdAt, t.id),
    // Each message's own text is indexed (one vector per ticket would cost ~11 ms per insert, DESIGN.md).
    index('messages_body_fts_idx').using('gin', sql`to_tsvector('english', ${t.body})`),
  ],
);
