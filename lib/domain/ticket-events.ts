import type { Channel, CreatedByKind, MessageAuthorKind, Priority, TicketStatus, Visibility } from './ticket-values';

/** What each ticket_events row carries in `data`, by event type. Enough to rebuild every fact. */
export interface TicketEventDataByType {
  created: {
    createdByKind: CreatedByKind;
    channel: Channel;
    priority: Priority;
    status: TicketStatus;
    customerId: number;
    assigneeId: number | null;
    teamId: number | null;
    journeyStage: string | null;
    touchpoint: string | null;
    followUpOfId: number | null;
  };
  message: {
    messageId: number;
    authorKind: MessageAuthorKind;
    visibility: Visibility;
    /** The opening message of the ticket: an agent's opening message is not a reply. */
    opening: boolean;
  };
  status: { from: TicketStatus; to: TicketStatus };
  assignment: { assigneeId: number | null; teamId: number | null };
  priority: { from: Priority; to: Priority };
  journey_stage: { from: string | null; to: string | null };
  touchpoint: { from: string | null; to: string | null };
  tags: { added: string[]; removed: string[] };
  csat: { ratingId: number; score: number };
  merge: { intoTicketId: number };
}

export type TicketEventData = TicketEventDataByType[keyof TicketEventDataByType];

/** One event as the fact rules see it: a discriminated union on `type`. */
export type TicketEvent = {
  [K in keyof TicketEventDataByType]: { type: K; at: Date; data: TicketEventDataByType[K] };
}[keyof TicketEventDataByType];
