import type { TicketEvent, TicketEventDataByType } from './ticket-events';
import { isUnsolved, type CreatedByKind, type Priority, type TicketStatus } from './ticket-values';

/**
 * The metric facts a ticket carries (METRICS.md, "Facts recorded on each ticket").
 * Both the live services and `metrics:rebuild` derive them with the functions below, so they cannot drift.
 */
export interface TicketFacts {
  status: TicketStatus;
  createdByKind: CreatedByKind;
  createdAt: Date;
  priority: Priority;
  clockStartedAt: Date | null;
  firstResponseAt: Date | null;
  firstSolvedAt: Date | null;
  lastSolvedAt: Date | null;
  reopenCount: number;
  agentReplyCount: number;
  repliesBeforeFirstSolve: number;
  customerMessageCount: number;
  latestCsatScore: number | null;
  latestCsatAt: Date | null;
  mergedIntoId: number | null;
}

export class TicketRuleError extends Error {
  constructor(
    readonly code: 'ticket_closed' | 'not_created' | 'invalid_event',
    message: string,
  ) {
    super(message);
  }
}

/** The facts of a ticket at its creation. */
export function initialFacts(data: TicketEventDataByType['created'], at: Date): TicketFacts {
  return {
    status: data.status,
    createdByKind: data.createdByKind,
    createdAt: at,
    priority: data.priority,
    // A customer's (or an integration's) ticket starts the clock at once; an agent's waits for the customer.
    clockStartedAt: data.createdByKind === 'agent' ? null : at,
    firstResponseAt: null,
    firstSolvedAt: null,
    lastSolvedAt: null,
    reopenCount: 0,
    agentReplyCount: 0,
    repliesBeforeFirstSolve: 0,
    customerMessageCount: 0,
    latestCsatScore: null,
    latestCsatAt: null,
    mergedIntoId: null,
  };
}

/** The starting status: a customer's ticket starts `new`, an agent's starts `open`. */
export function initialStatus(createdByKind: CreatedByKind): TicketStatus {
  return createdByKind === 'agent' ? 'open' : 'new';
}

/** Changes one event makes. Counters are deltas so services can apply them as `x = x + n` in SQL. */
export interface FactChange {
  set: Partial<Omit<TicketFacts, 'reopenCount' | 'agentReplyCount' | 'repliesBeforeFirstSolve' | 'customerMessageCount'>>;
  increment: Partial<Record<'reopenCount' | 'agentReplyCount' | 'repliesBeforeFirstSolve' | 'customerMessageCount', number>>;
}

const noChange = (): FactChange => ({ set: {}, increment: {} });

/** The status change rules for an explicit status event. Returns no change when the status stays. */
function statusChange(facts: TicketFacts, to: TicketStatus, at: Date): FactChange {
  const change = noChange();
  const from = facts.status;
  if (from === to) return change;
  if (from === 'closed') throw new TicketRuleError('ticket_closed', 'This ticket is closed; its status can no longer change.');
  change.set.status = to;
  const solvesNow = to === 'solved' || (to === 'closed' && from !== 'solved');
  if (solvesNow) {
    change.set.lastSolvedAt = at;
    if (facts.firstSolvedAt === null) change.set.firstSolvedAt = at;
  }
  if (from === 'solved' && isUnsolved(to)) {
    change.increment.reopenCount = 1;
    change.set.lastSolvedAt = null;
  }
  return change;
}

function messageChange(facts: TicketFacts, data: TicketEventDataByType['message'], at: Date): FactChange {
  const change = noChange();
  // Internal notes and system messages never count as replies and never start or stop a clock.
  if (data.visibility !== 'public' || data.authorKind === 'system') return change;
  if (facts.status === 'closed') {
    throw new TicketRuleError('ticket_closed', 'This ticket is closed; it cannot take new messages.');
  }

  if (data.authorKind === 'customer') {
    change.increment.customerMessageCount = 1;
    if (facts.clockStartedAt === null) change.set.clockStartedAt = at;
    if (facts.status === 'pending' || facts.status === 'on_hold') change.set.status = 'open';
    if (facts.status === 'solved') {
      change.set.status = 'open';
      change.set.lastSolvedAt = null;
      change.increment.reopenCount = 1;
    }
    return change;
  }

  // A public staff message. An agent's opening message of its own ticket is not a reply.
  if (data.opening) return change;
  change.increment.agentReplyCount = 1;
  if (facts.firstSolvedAt === null) change.increment.repliesBeforeFirstSolve = 1;
  if (facts.firstResponseAt === null && facts.clockStartedAt !== null && at >= facts.clockStartedAt) {
    change.set.firstResponseAt = at;
  }
  if (facts.status === 'new') change.set.status = 'open';
  return change;
}

/** What one event changes in a ticket's facts. Throws TicketRuleError when the event is not allowed. */
export function factChangeFor(facts: TicketFacts, event: TicketEvent): FactChange {
  switch (event.type) {
    case 'message':
      return messageChange(facts, event.data, event.at);
    case 'status':
      return statusChange(facts, event.data.to, event.at);
    case 'priority':
      return { set: { priority: event.data.to }, increment: {} };
    case 'csat':
      return { set: { latestCsatScore: event.data.score, latestCsatAt: event.at }, increment: {} };
    case 'merge':
      return { set: { mergedIntoId: event.data.intoTicketId }, increment: {} };
    case 'created':
      throw new TicketRuleError('invalid_event', 'A ticket is created only once.');
    default:
      return noChange();
  }
}

export function applyFactChange(facts: TicketFacts, change: FactChange): TicketFacts {
  const next: TicketFacts = { ...facts, ...change.set };
  for (const [key, delta] of Object.entries(change.increment) as [keyof FactChange['increment'], number][]) {
    next[key] += delta;
  }
  return next;
}

/** Replays a ticket's events, in the order given, into its facts. The first event must be `created`. */
export function replayFacts(events: readonly TicketEvent[]): TicketFacts {
  const [first, ...rest] = events;
  if (!first || first.type !== 'created') {
    throw new TicketRuleError('not_created', 'The first event of a ticket must be its creation.');
  }
  let facts = initialFacts(first.data, first.at);
  for (const event of rest) facts = applyFactChange(facts, factChangeFor(facts, event));
  return facts;
}
