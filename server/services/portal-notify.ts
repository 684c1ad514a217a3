import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { customers, users } from '@/db/schema';
import { enqueueMail } from '../mail/enqueue';
import { portalLinks } from '../mail/links';
import { issuePortalToken } from './portal-tokens';
import type { TicketRow } from './ticket-write';

/**
 * The customer-facing mails that follow ticket changes. Each is queued inside the change's own
 * transaction. Imports and the demo seed pass `notify: false` to the services, so history fires no mail.
 */

async function customerOf(tx: Db, ticket: TicketRow) {
  const [row] = await tx
    .select({ id: customers.id, email: customers.email, passwordHash: customers.passwordHash, emailVerifiedAt: customers.emailVerifiedAt })
    .from(customers)
    .where(eq(customers.id, ticket.customerId));
  return row;
}

/**
 * Where a mail about this ticket points: the account's request page when the account can see it,
 * otherwise a fresh private guest link (the address owner reads the mail, so the link is theirs).
 */
async function requestLink(tx: Db, ticket: TicketRow, customer: Awaited<ReturnType<typeof customerOf>>): Promise<string> {
  const accountSeesIt = customer.passwordHash !== null && (customer.emailVerifiedAt !== null || ticket.submittedByAccount);
  if (accountSeesIt) return portalLinks.request(ticket.publicKey);
  return portalLinks.guest(await issuePortalToken(tx, { kind: 'guest_access', customerId: customer.id, ticketId: ticket.id }));
}

/** "We received your request", for requests a customer submitted (a guest gets the link mail instead). */
export async function notifyRequestReceived(tx: Db, ticket: TicketRow): Promise<void> {
  const customer = await customerOf(tx, ticket);
  await enqueueMail(tx, customer.email, { kind: 'request_received', ticketSubject: ticket.subject, link: await requestLink(tx, ticket, customer) });
}

/**
 * A public agent reply (never an internal note or a system message). A reply that also solves sends
 * one mail, the solved one, carrying the reply.
 */
export async function notifyAgentReply(
  tx: Db,
  before: TicketRow,
  after: TicketRow,
  input: { body: string; authorUserId: number | null },
): Promise<void> {
  if (after.mergedIntoId !== null) return;
  if (after.status === 'solved' && before.status !== 'solved') return notifyStatusChange(tx, before, after, input.body);
  const customer = await customerOf(tx, after);
  const [agent] = input.authorUserId
    ? await tx.select({ name: users.name }).from(users).where(eq(users.id, input.authorUserId))
    : [];
  await enqueueMail(tx, customer.email, {
    kind: 'agent_replied',
    ticketSubject: after.subject,
    // Customers see the agent's first name only, as on the portal.
    agentName: agent?.name.split(' ')[0] || 'Support',
    excerpt: input.body,
    link: await requestLink(tx, after, customer),
  });
}

/** Into `solved`: the "solved" mail, with a rating link that works until the request closes. */
export async function notifyStatusChange(tx: Db, before: TicketRow, after: TicketRow, replyBody?: string): Promise<void> {
  if (after.status !== 'solved' || before.status === 'solved' || after.mergedIntoId !== null) return;
  const customer = await customerOf(tx, after);
  const ratingToken = await issuePortalToken(tx, { kind: 'rating', customerId: customer.id, ticketId: after.id });
  await enqueueMail(tx, customer.email, {
    kind: 'solved',
    ticketSubject: after.subject,
    excerpt: replyBody,
    link: await requestLink(tx, after, customer),
    ratingLink: portalLinks.rating(ratingToken),
  });
}
