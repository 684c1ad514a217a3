import { boolean, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './users';

/** What a macro does besides inserting its text, applied with the reply in one transaction. */
export interface MacroActions {
  status?: 'open' | 'pending' | 'on_hold' | 'solved';
  addTags?: string[];
  journeyStage?: string;
}

/** A saved reply. Shared macros are for everyone; personal ones only for their owner. */
export const macros = pgTable(
  'macros',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    name: text().notNull(),
    /** Text with placeholders ({{customer.name}}, {{ticket.id}}, {{agent.name}}), rendered as plain text. */
    body: text().notNull(),
    actions: jsonb().$type<MacroActions>().notNull().default({}),
    shared: boolean().notNull().default(false),
    ownerId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('macros_owner_idx').on(t.ownerId), index('macros_shared_idx').on(t.shared)],
);
