import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { customers, tickets } from '@/db/schema';
import { ServiceError } from '@/lib/errors';
import type { PortalRequestInput } from '@/lib/validation/tickets';
import type { GuestRequestInput } from '@/lib/validation/portal';
import { enqueueMail } from '../mail/enqueue';
import { portalLinks } from '../mail/links';
import type { StagedAttachment } from './attachments';
import { rateTicket } from './csat';
import { findOrCreateCustomer } from './customers';
import { notifyRequestReceived } from './portal-notify';
import { findLiveToken, issuePortalToken, touchGuestToken } from './portal-tokens';
import { addMessage } from './ticket-messages';
import { createTicketInTx } from './tickets-create';
import type { TicketRow } from './ticket-write';

const NOT_FOUND = 'That request does not exist, or the link has expired.';

/** A signed-in customer's request; "we received it" is queued in the same transaction. */
export async function submitAccountRequest(db: Db, customerId: number, input: PortalRequestInput, attachments?: readonly StagedAttachment[]): Promise<TicketRow> {
  return db.transaction(async (tx) => {
    const ticket = await createTicketInTx(tx, { ...input, customerId, createdByKind: 'customer', channel: 'portal', submittedByAccount: true, attachments });
    await notifyRequestReceived(tx, ticket);
    return ticket;
  });
}

async function mailGuestLink(tx: Db, ticket: TicketRow, email: string, token: string) {
  await enqueueMail(tx, email, { kind: 'guest_link', ticketSubject: ticket.subject, link: portalLinks.guest(token) });
}

/**
 * A request without an account, from an email address alone. The private tracking link is returned
 * once, to show on screen, and mailed. The request joins the address's customer record, but an
 * account for that address sees it only once the address is verified (portal-accounts.ts).
 */
export async function submitGuestRequest(
  db: Db,
  input: GuestRequestInput,
  attachments?: readonly StagedAttachment[],
): Promise<{ ticket: TicketRow; token: string }> {
  return db.transaction(async (tx) => {
    const { email, name, ...request } = input;
    const customer = await findOrCreateCustomer(tx, { email, name: name ?? email.split('@')[0] });
    const ticket = await createTicketInTx(tx, { ...request, customerId: customer.id, createdByKind: 'customer', channel: 'portal', attachments });
    const token = await issuePortalToken(tx, { kind: 'guest_access', customerId: customer.id, ticketId: ticket.id });
    await mailGuestLink(tx, ticket, customer.email, token);
    return { ticket, token };
  });
}

/** A signed-in customer's reply. On a closed request it opens a linked follow-up, which the account sees too. */
export async function replyAsAccount(db: Db, customerId: number, ticketId: number, body: string, attachments?: readonly StagedAttachment[]) {
  return db.transaction(async (tx) => {
    const result = await addMessage(tx, { ticketId, body, authorKind: 'customer', authorCustomerId: customerId, visibility: 'public', channel: 'portal', attachments });
    if (result.followUp) {
      const [followUp] = await tx.update(tickets).set({ submittedByAccount: true }).where(eq(tickets.id, result.followUp.id)).returning();
      await notifyRequestReceived(tx, followUp);
      return { ...result, followUp };
    }
    return result;
  });
}

/** The request a live guest link opens, or a not_found error (expired, guessed and malformed alike). */
export async function guestTicketId(db: Db, token: string, now = new Date()): Promise<{ ticketId: number; customerId: number; tokenId: number }> {
  const live = await findLiveToken(db, 'guest_access', token, now);
  if (!live?.ticketId) throw new ServiceError('not_found', NOT_FOUND);
  return { ticketId: live.ticketId, customerId: live.customerId, tokenId: live.id };
}

/**
 * A guest's reply through the link. On a closed request the follow-up gets its own link, returned so
 * the guest lands on it, and mailed.
 */
export async function replyAsGuest(
  db: Db,
  token: string,
  body: string,
  /** Tests pass a time; otherwise the message takes its time under the ticket's lock. */
  at?: Date,
  attachments?: readonly StagedAttachment[],
): Promise<{ followUpToken: string | null }> {
  return db.transaction(async (tx) => {
    const { ticketId, customerId, tokenId } = await guestTicketId(tx, token, at);
    const result = await addMessage(tx, { ticketId, body, authorKind: 'customer', authorCustomerId: customerId, visibility: 'public', channel: 'portal', at, attachments });
    await touchGuestToken(tx, tokenId, at);
    if (!result.followUp) return { followUpToken: null };
    const followUpToken = await issuePortalToken(tx, { kind: 'guest_access', customerId, ticketId: result.followUp.id, now: at });
    const [customer] = await tx.select({ email: customers.email }).from(customers).where(eq(customers.id, customerId));
    await mailGuestLink(tx, result.followUp, customer.email, followUpToken);
    return { followUpToken };
  });
}

/**
 * A rating through the mailed link: works while the request is solved, and each use replaces the
 * rating (only the latest counts, METRICS.md). After the request closes the link is a 404.
 */
export async function rateByToken(db: Db, token: string, input: { score: number; comment: string }, at?: Date): Promise<void> {
  const live = await findLiveToken(db, 'rating', token, at);
  if (!live?.ticketId) throw new ServiceError('not_found', 'This rating link has expired: the request is closed or was reopened.');
  await rateTicket(db, { ticketId: live.ticketId, customerId: live.customerId, score: input.score, comment: input.comment, at });
}
