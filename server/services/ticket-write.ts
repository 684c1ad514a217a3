import { asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { ticketEvents, tickets } from '@/db/schema';
import { ServiceError } from '@/lib/errors';
import type { TicketEvent } from '@/lib/domain/ticket-events';
import { applyFactChange, factChangeFor, TicketRuleError, type FactChange, type TicketFacts } from '@/lib/domain/ticket-facts';
import type { ActorKind } from '@/lib/domain/ticket-values';
import type { Actor } from '@/lib/domain/permissions';
import { derivedFacts } from '@/lib/domain/derived-facts';
import type { WorkspaceSettings } from '@/lib/validation/settings';
import { findRecontactAfterSolve } from './recontact';

export type TicketRow = typeof tickets.$inferSelect;

/** Who an event is attributed to in ticket_events. */
export interface EventActor {
  kind: ActorKind;
  userId?: number | null;
  customerId?: number | null;
}

export function eventActorOf(actor: Actor): EventActor {
  return actor.kind === 'staff' ? { kind: 'agent', userId: actor.id } : { kind: 'customer', customerId: actor.id };
}

export const SYSTEM_ACTOR: EventActor = { kind: 'system' };

/**
 * The next place in a ticket's history. Every writer holds the ticket's row lock when it inserts an event,
 * so this is the order the events commit in: what `metrics:rebuild` replays, whatever their clocks said.
 */
export const nextEventSeq = (ticketId: number) =>
  sql<number>`(select coalesce(max(${ticketEvents.seq}), 0) + 1 from ${ticketEvents} where ${ticketEvents.ticketId} = ${ticketId})`;

/** The advisory-lock namespace of "writes to this customer's tickets" (the second key is the customer id). */
const CUSTOMER_WRITE_LOCK = 7270100;

/**
 * Serializes ticket writes per customer for the rest of the transaction, in customer id order. A first
 * solve checks the customer's later tickets for a re-contact, and a new ticket marks the customer's earlier
 * ones: each must see the other, which row locks on different tickets cannot promise. Taking this before
 * any ticket row lock, always in this order, also means two such writers never deadlock. One statement:
 * Postgres evaluates a volatile function in the select list after the sort, so the locks follow the order.
 */
export async function lockCustomers(tx: Db, customerIds: readonly number[]): Promise<void> {
  const ids = `{${[...new Set(customerIds)].join(',')}}`;
  await tx.execute(sql`select pg_advisory_xact_lock(${CUSTOMER_WRITE_LOCK}, id) from unnest(${ids}::int[]) id order by id`);
}

/**
 * Locks tickets for the rest of the transaction, so concurrent writers queue instead of racing: their
 * customers first (as lockCustomers, in the same statement that finds them), then the rows in id order.
 * Returns the rows in the order asked.
 */
export async function lockTickets(tx: Db, ticketIds: readonly number[]): Promise<TicketRow[]> {
  const ids = `{${[...new Set(ticketIds)].join(',')}}`;
  await tx.execute(sql`select pg_advisory_xact_lock(${CUSTOMER_WRITE_LOCK}, owner.customer_id)
    from (select distinct customer_id from tickets where id = any(${ids}::int[])) owner order by owner.customer_id`);
  const rows = await tx.select().from(tickets).where(inArray(tickets.id, [...ticketIds])).orderBy(asc(tickets.id)).for('update');
  return ticketIds.map((id) => {
    const row = rows.find((r) => r.id === id);
    if (!row) throw new ServiceError('not_found', 'That ticket does not exist.');
    return row;
  });
}

export async function lockTicket(tx: Db, ticketId: number): Promise<TicketRow> {
  const [row] = await lockTickets(tx, [ticketId]);
  return row;
}

export function factsOf(row: TicketRow): TicketFacts {
  return {
    status: row.status,
    createdByKind: row.createdByKind,
    createdAt: row.createdAt,
    priority: row.priority,
    clockStartedAt: row.clockStartedAt,
    firstResponseAt: row.firstResponseAt,
    firstSolvedAt: row.firstSolvedAt,
    lastSolvedAt: row.lastSolvedAt,
    reopenCount: row.reopenCount,
    agentReplyCount: row.agentReplyCount,
    repliesBeforeFirstSolve: row.repliesBeforeFirstSolve,
    customerMessageCount: row.customerMessageCount,
    latestCsatScore: row.latestCsatScore,
    latestCsatAt: row.latestCsatAt,
    mergedIntoId: row.mergedIntoId,
  };
}

type TicketUpdate = Partial<Record<keyof TicketRow, unknown>>;

/** Counters go to SQL as `x = x + n`, never as a value computed in JS. */
function counterUpdates(increment: FactChange['increment']): TicketUpdate {
  const columns = {
    reopenCount: tickets.reopenCount,
    agentReplyCount: tickets.agentReplyCount,
    repliesBeforeFirstSolve: tickets.repliesBeforeFirstSolve,
    customerMessageCount: tickets.customerMessageCount,
  };
  const update: TicketUpdate = {};
  for (const [key, delta] of Object.entries(increment) as [keyof typeof columns, number][]) {
    update[key] = sql`${columns[key]} + ${delta}`;
  }
  return update;
}

function isPublicEvent(event: TicketEvent): boolean {
  return event.type === 'message' ? event.data.visibility === 'public' && event.data.authorKind !== 'system' : event.type === 'status';
}

export interface RecordOptions {
  /** Extra columns to write with the event (the assignee for an assignment, the new version for a field edit). */
  set?: TicketUpdate;
  /** The settings in force: re-contact window, calendars and SLA policy. */
  settings: WorkspaceSettings;
}

/**
 * Records one event on a locked ticket: applies the METRICS.md fact rules, writes the facts and the
 * ticket_events row. Call inside the transaction that locked `row`, with `event.at` taken after the lock
 * (so a change that waited for another is never dated before it); returns the updated row.
 */
export async function recordTicketEvent(
  tx: Db,
  row: TicketRow,
  event: TicketEvent,
  actor: EventActor,
  options: RecordOptions,
): Promise<TicketRow> {
  let change: FactChange;
  try {
    change = factChangeFor(factsOf(row), event);
  } catch (error) {
    if (error instanceof TicketRuleError) throw new ServiceError('ticket_closed', error.message);
    throw error;
  }
  const facts = applyFactChange(factsOf(row), change);

  let recontactTicketId = row.recontactTicketId;
  if (change.set.firstSolvedAt) {
    recontactTicketId = await findRecontactAfterSolve(tx, row, change.set.firstSolvedAt, options.settings.recontactWindowDays);
  }
  const teamId = event.type === 'assignment' ? event.data.teamId : row.teamId;

  const at = event.at;
  const update: TicketUpdate = {
    ...change.set,
    ...counterUpdates(change.increment),
    recontactTicketId,
    ...derivedFacts(facts, teamId, recontactTicketId !== null, options.settings),
    updatedAt: new Date(),
    lastActivityAt: sql`greatest(${tickets.lastActivityAt}, ${at.toISOString()}::timestamptz)`,
    changeSeq: sql`nextval('ticket_change_seq')`,
    ...options.set,
  };
  if (isPublicEvent(event)) {
    update.lastPublicActivityAt = sql`greatest(${tickets.lastPublicActivityAt}, ${at.toISOString()}::timestamptz)`;
  }

  const [updated] = await tx
    .update(tickets)
    .set(update as Record<string, SQL | unknown>)
    .where(eq(tickets.id, row.id))
    .returning();
  await tx.insert(ticketEvents).values({
    ticketId: row.id,
    seq: nextEventSeq(row.id),
    type: event.type,
    at,
    actorKind: actor.kind,
    actorUserId: actor.userId ?? null,
    actorCustomerId: actor.customerId ?? null,
    data: event.data,
  });
  return updated;
}

export const bumpVersion = { version: sql`${tickets.version} + 1` };
