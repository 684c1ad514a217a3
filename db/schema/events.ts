import { bigint, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { ACTOR_KINDS, TICKET_EVENT_TYPES } from '@/lib/domain/ticket-values';
import type { TicketEventData } from '@/lib/domain/ticket-events';
import { tickets } from './tickets';

/**
 * Append-only history of every ticket change; `metrics:rebuild` recomputes all facts from it, replaying each
 * ticket's events in `seq` order. `seq` (1, 2, 3 … per ticket) is taken under the ticket's row lock, so it
 * is the order the changes committed in; `at` is when they happened, and two writers' clocks may disagree.
 */
export const ticketEvents = pgTable(
  'ticket_events',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    ticketId: integer()
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    type: text({ enum: TICKET_EVENT_TYPES }).notNull(),
    /** The event's place in its ticket's history: commit order (see above). */
    seq: integer().notNull(),
    at: timestamp({ withTimezone: true }).notNull(),
    actorKind: text({ enum: ACTOR_KINDS }).notNull(),
    actorUserId: integer(),
    actorCustomerId: integer(),
    data: jsonb().$type<TicketEventData>().notNull(),
  },
  (t) => [uniqueIndex('ticket_events_ticket_seq_idx').on(t.ticketId, t.seq)],
);
