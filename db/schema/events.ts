import { bigint, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { ACTOR_KINDS, TICKET_EVENT_TYPES } from '@/lib/domain/ticket-values';
import type { TicketEventData } from '@/lib/domain/ticket-events';
import { tickets } from './tickets';

/** Append-only history of every ticket change; `metrics:rebuild` recomputes all facts from it. */
export const ticketEvents = pgTable(
  'ticket_events',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    ticketId: integer()
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    type: text({ enum: TICKET_EVENT_TYPES }).notNull(),
    at: timestamp({ withTimezone: true }).notNull(),
    actorKind: text({ enum: ACTOR_KINDS }).notNull(),
    actorUserId: integer(),
    actorCustomerId: integer(),
    data: jsonb().$type<TicketEventData>().notNull(),
  },
  (t) => [index('ticket_events_ticket_idx').on(t.ticketId, t.at, t.id)],
);
