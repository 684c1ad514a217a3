import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { messages } from './messages';
import { tickets } from './tickets';

/**
 * A file on a message. The bytes live in attachment storage under a random key; the name is for
 * display only. The ticket id is kept beside the message id so a thread loads its files in one read.
 */
export const attachments = pgTable(
  'attachments',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    messageId: integer()
      .notNull()
      .references(() => messages.id, { onDelete: 'cascade' }),
    ticketId: integer()
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    storageKey: text().notNull().unique(),
    fileName: text().notNull(),
    /** Sniffed from the content at upload, and the only type it is ever served as. */
    contentType: text().notNull(),
    sizeBytes: integer().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('attachments_ticket_idx').on(t.ticketId, t.messageId), index('attachments_message_idx').on(t.messageId)],
);
