/**
 * The in-memory replay of one history record (no database): its events in time order through the same fact
 * rules as the live app (factChangeFor / applyFactChange), with the rules the live services add around them:
 * an explicit status event that changes nothing is a no-op, a rating needs a solved ticket, and any event
 * after `closed` fails the record (the import never opens a follow-up).
 */
import type { TicketEvent, TicketEventData } from '@/lib/domain/ticket-events';
import { applyFactChange, factChangeFor, initialFacts, initialStatus, TicketRuleError, type TicketFacts } from '@/lib/domain/ticket-facts';
import type { MessageAuthorKind, TicketEventType, Visibility } from '@/lib/domain/ticket-values';
import { ImportRecordError, personOf, type ImportRecord } from '@/lib/validation/import';

/** "customer", "system" or a staff email: resolved to ids only when the record is written. */
export type ActorRef = string;
export const SYSTEM = 'system';

export interface PlannedMessage {
  at: Date;
  author: ActorRef;
  visibility: Visibility;
  body: string;
}

export interface PlannedEvent {
  type: Exclude<TicketEventType, 'created' | 'merge'>;
  at: Date;
  actor: ActorRef;
  /** For message and csat events, the position of their message or rating in the plan. */
  ref?: number;
  data?: TicketEventData;
}

/** A record replayed in memory: its final facts and the rows to write. */
export interface Replay {
  facts: TicketFacts;
  messages: PlannedMessage[];
  ratings: { at: Date; score: number; comment: string }[];
  events: PlannedEvent[];
  lastActivityAt: Date;
  lastPublicActivityAt: Date;
  version: number;
}

/** A record that replayed cleanly, with its position in the request. */
export interface Ready {
  index: number;
  record: ImportRecord;
  replay: Replay;
}

export const authorKindOf = (ref: ActorRef): MessageAuthorKind => (ref === 'customer' ? 'customer' : 'agent');

/** Replays one record through the fact rules. Throws ImportRecordError naming the event that breaks a rule. */
export function replayRecord(record: ImportRecord): Replay {
  const ref = (value: string): ActorRef => (personOf(record, value).kind === 'customer' ? 'customer' : value);
  const creator = ref(record.created_by);
  const createdByKind = creator === 'customer' ? 'customer' : 'agent';
  const createdAt = new Date(record.created_at);
  let facts = initialFacts(
    {
      createdByKind,
      channel: record.channel,
      priority: record.priority,
      status: initialStatus(createdByKind),
      customerId: 0,
      assigneeId: null,
      teamId: null,
      journeyStage: null,
      touchpoint: null,
      followUpOfId: null,
    },
    createdAt,
  );
  const replay: Replay = { facts, messages: [], ratings: [], events: [], lastActivityAt: createdAt, lastPublicActivityAt: createdAt, version: 1 };

  const apply = (event: TicketEvent, field: string) => {
    try {
      facts = applyFactChange(facts, factChangeFor(facts, event));
    } catch (error) {
      if (error instanceof TicketRuleError) throw new ImportRecordError(field, error.message);
      throw error;
    }
    if (event.at > replay.lastActivityAt) replay.lastActivityAt = event.at;
    const isPublic = event.type === 'message' ? event.data.visibility === 'public' : event.type === 'status';
    if (isPublic && event.at > replay.lastPublicActivityAt) replay.lastPublicActivityAt = event.at;
  };
  const message = (at: Date, author: ActorRef, visibility: Visibility, body: string, opening: boolean, field: string) => {
    const data = { messageId: 0, authorKind: authorKindOf(author), visibility, opening };
    apply({ type: 'message', at, data }, field);
    replay.events.push({ type: 'message', at, actor: author, ref: replay.messages.length, data });
    replay.messages.push({ at, author, visibility, body });
  };

  // Stable sort: events with equal times keep their array order, so events[0] (checked) stays first.
  const ordered = record.events.map((event, index) => ({ event, index, at: new Date(event.at) })).sort((a, b) => a.at.getTime() - b.at.getTime());
  const [opening, ...rest] = ordered;
  if (opening.event.type !== 'message') throw new ImportRecordError('events[0]', 'the first event must be the opening public message by the creator at created_at');
  message(createdAt, creator, 'public', opening.event.body, true, 'events[0]');
  if (record.tags.length) replay.events.push({ type: 'tags', at: createdAt, actor: SYSTEM, data: { added: record.tags, removed: [] } });

  for (const { event, index, at } of rest) {
    const field = `events[${index}]`;
    if (facts.status === 'closed') throw new ImportRecordError(field, 'comes after the ticket was closed; a closed ticket takes no more events');
    if (event.type === 'message') {
      message(at, ref(event.author), event.visibility, event.body, false, field);
    } else if (event.type === 'status') {
      if (event.status === facts.status) continue; // an explicit status event that changes nothing is a no-op
      if (event.status === 'new') throw new ImportRecordError(`${field}.status`, 'a ticket cannot go back to "new"');
      const data = { from: facts.status, to: event.status };
      apply({ type: 'status', at, data }, field);
      replay.events.push({ type: 'status', at, actor: event.by ? ref(event.by) : SYSTEM, data });
      replay.version += 1;
    } else {
      if (facts.status !== 'solved') {
        throw new ImportRecordError(field, `a rating needs a solved ticket, and the ticket is ${facts.status.replace('_', ' ')} at this time`);
      }
      apply({ type: 'csat', at, data: { ratingId: 0, score: event.score } }, field);
      replay.events.push({ type: 'csat', at, actor: 'customer', ref: replay.ratings.length });
      replay.ratings.push({ at, score: event.score, comment: event.comment });
    }
  }
  replay.facts = facts;
  return replay;
}
