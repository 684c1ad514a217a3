import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Workspace settings as typed JSON documents, validated by lib/validation/settings on read and write. */
export const settings = pgTable('settings', {
  key: text().primaryKey(),
  value: jsonb().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
