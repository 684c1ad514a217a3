import { bigint, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Workspace settings as typed JSON documents, validated by lib/validation/settings on read and write. */
export const settings = pgTable('settings', {
  key: text().primaryKey(),
  value: jsonb().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * One row whose number changes with the workspace's configuration: statement triggers (migration 0016) bump it
 * in the same transaction as any change to the taxonomy, teams, staff or macros. Every process validates its
 * cached reads of those tables against it (server/queries/workspace-cache.ts).
 */
export const workspaceVersion = pgTable('workspace_version', {
  id: integer().primaryKey(),
  version: bigint({ mode: 'number' }).notNull(),
});
