import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { CHANNELS, MESSAGE_AUTHOR_KINDS, VISIBILITIES } from '@/lib/domain/ticket-values';
import { customers } from './customers';
import { tsvector } from './types';
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
    /** The body's search vector, computed once on write (see tickets.subjectTsv). */
    bodyTsv: tsvector().generatedAlwaysAs(sql`to_tsvector('english', body)`),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('messages_ticket_idx').on(t.ticketId, t.createdAt, t.id),
    // Each message's own text is indexed (one vector per ticket would cost ~11 ms per insert, DESIGN.md).
    index('messages_body_tsv_idx').using('gin', t.bodyTsv),
  ],
);
