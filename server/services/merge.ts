import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { customers, messages, tickets } from '@/db/schema';
import { computeFcr } from '@/lib/domain/fcr';
import { ServiceError } from '@/lib/errors';
import { findRecontactAfterSolve } from './recontact';
import { getSettings } from './settings';
import { addMessage } from './ticket-messages';
import { bumpVersion, factsOf, lockTicket, lockTickets, recordTicketEvent, type TicketRow } from './ticket-write';

export interface MergeInput {
  duplicateId: number;
  targetId: number;
  /** The staff member merging. */
  userId: number;
  at?: Date;
}

/** Refusals, each with what to do instead. Chains are refused so a merged ticket points straight at a live one. */
async function assertMergeable(tx: Db, duplicate: TicketRow, target: TicketRow): Promise<void> {
  const refuse = (message: string) => {
    throw new ServiceError('invalid', message, { fieldErrors: { targetId: [message] } });
  };
  if (duplicate.mergedIntoId) refuse(`#${duplicate.id} is already merged into #${duplicate.mergedIntoId}.`);
  if (target.mergedIntoId) refuse(`#${target.id} was itself merged into #${target.mergedIntoId}. Merge into #${target.mergedIntoId} instead.`);
  if (duplicate.status === 'closed') refuse(`#${duplicate.id} is closed, and a closed ticket cannot be merged. Link the two tickets instead.`);
  if (target.status === 'closed') refuse(`#${target.id} is closed. Merge into an open ticket, or link the two instead.`);
  const [mergedIntoDuplicate] = await tx.select({ id: tickets.id }).from(tickets).where(eq(tickets.mergedIntoId, duplicate.id)).limit(1);
  if (mergedIntoDuplicate) refuse(`#${mergedIntoDuplicate.id} was merged into #${duplicate.id}, so #${duplicate.id} cannot be merged away. Merge #${target.id} into #${duplicate.id} instead.`);
}

const quote = (text: string) =>
  text
    .split('\n')
    .slice(0, 40)
    .map((line) => `> ${line}`)
    .join('\n');

/**
 * Merges a duplicate into a target, in one transaction (METRICS.md, "merged"):
 * - the duplicate's requester gets a public message saying where the conversation continues;
 * - the duplicate gets an internal note linking to the target, the merge event, and is closed; its
 *   messages stay with it, read-only;
 * - the target gets an internal note linking back and quoting the duplicate's opening message, and
 *   nothing else: its facts do not change;
 * - the duplicate leaves every aggregate and re-contact check: tickets it had flagged as re-contacted
 *   are checked again without it. The target keeps its own FCR even when the duplicate re-contacted it,
 *   because "merging never changes the target's facts" and the customer did write again.
 * Across customers is allowed (a shared mailbox can file one issue twice); the public message then
 * does not name the other customer's request.
 */
export async function mergeTickets(db: Db, input: MergeInput): Promise<{ duplicate: TicketRow; target: TicketRow }> {
  if (input.duplicateId === input.targetId) {
    throw new ServiceError('invalid', 'A ticket cannot be merged into itself. Enter the number of the other ticket.', {
      fieldErrors: { targetId: ['Enter another ticket’s number'] },
    });
  }
  return db.transaction(async (tx) => {
    const settings = await getSettings(tx);
    // Both at once, in lockTickets' fixed order, so two merges of one pair in opposite directions queue
    // instead of deadlocking. The tickets the duplicate re-contacted are its customer's: locked with it.
    const [duplicate, target] = await lockTickets(tx, [input.duplicateId, input.targetId]);
    const at = input.at ?? new Date();
    await assertMergeable(tx, duplicate, target);

    const [opening] = await tx.select({ body: messages.body }).from(messages).where(eq(messages.ticketId, duplicate.id)).orderBy(asc(messages.createdAt), asc(messages.id)).limit(1);
    const [requester] = await tx.select({ name: customers.name, email: customers.email }).from(customers).where(eq(customers.id, duplicate.customerId));
    const sameCustomer = duplicate.customerId === target.customerId;
    const agent = { authorKind: 'agent' as const, authorUserId: input.userId, visibility: 'internal' as const, at };

    await addMessage(tx, {
      ticketId: duplicate.id,
      authorKind: 'system',
      visibility: 'public',
      at,
      body: sameCustomer
        ? `We merged this request into your request "${target.subject}", which is about the same issue. The conversation continues there: please reply on that request.`
        : 'We merged this request into another request about the same issue. We will keep you updated here.',
    });
    await addMessage(tx, { ...agent, ticketId: duplicate.id, body: `Merged into #${target.id} "${target.subject}". Continue there.` });
    await addMessage(tx, {
      ...agent,
      ticketId: target.id,
      body: `Merged from #${duplicate.id} "${duplicate.subject}" (${requester.name} <${requester.email}>). Its opening message:\n\n${quote(opening?.body ?? '')}`,
    });

    const actor = { kind: 'agent' as const, userId: input.userId };
    let merged = await recordTicketEvent(tx, await lockTicket(tx, duplicate.id), { type: 'merge', at, data: { intoTicketId: target.id } }, actor, { settings });
    merged = await recordTicketEvent(tx, merged, { type: 'status', at, data: { from: merged.status, to: 'closed' } }, actor, { settings, set: bumpVersion });
    await forgetRecontactsBy(tx, merged, target.id, settings.recontactWindowDays);
    return { duplicate: merged, target: await lockTicket(tx, target.id) };
  });
}

/** Tickets the duplicate had flagged as re-contacted get the next re-contact, if any, or their FCR back. */
async function forgetRecontactsBy(tx: Db, duplicate: TicketRow, targetId: number, windowDays: number): Promise<void> {
  const flagged = await tx.select().from(tickets).where(and(eq(tickets.recontactTicketId, duplicate.id), ne(tickets.id, targetId)));
  for (const row of flagged) {
    const next = row.firstSolvedAt ? await findRecontactAfterSolve(tx, row, row.firstSolvedAt, windowDays) : null;
    await tx
      .update(tickets)
      .set({ recontactTicketId: next, fcr: computeFcr({ ...factsOf(row), recontacted: next !== null }), changeSeq: sql`nextval('ticket_change_seq')` })
      .where(eq(tickets.id, row.id));
  }
}
