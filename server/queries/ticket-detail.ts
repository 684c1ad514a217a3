import { and, asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '@/db/client';
import { customers, journeyStages, messages, teams, tickets, touchpoints, users } from '@/db/schema';

const assignee = alias(users, 'assignee');
const author = alias(users, 'author');

/** A ticket as staff see it: every field, the whole thread (notes included), the customer. */
export async function getStaffTicket(db: Db, ticketId: number) {
  const [ticket] = await db
    .select({
      ticket: tickets,
      customer: { id: customers.id, name: customers.name, email: customers.email },
      assigneeName: assignee.name,
      teamName: teams.name,
      journeyStageLabel: journeyStages.label,
      touchpointLabel: touchpoints.label,
    })
    .from(tickets)
    .innerJoin(customers, eq(customers.id, tickets.customerId))
    .leftJoin(assignee, eq(assignee.id, tickets.assigneeId))
    .leftJoin(teams, eq(teams.id, tickets.teamId))
    .leftJoin(journeyStages, eq(journeyStages.key, tickets.journeyStage))
    .leftJoin(touchpoints, eq(touchpoints.key, tickets.touchpoint))
    .where(eq(tickets.id, ticketId));
  if (!ticket) return null;

  const thread = await db
    .select({
      id: messages.id,
      authorKind: messages.authorKind,
      visibility: messages.visibility,
      channel: messages.channel,
      body: messages.body,
      createdAt: messages.createdAt,
      staffName: author.name,
    })
    .from(messages)
    .leftJoin(author, eq(author.id, messages.authorUserId))
    .where(eq(messages.ticketId, ticketId))
    .orderBy(asc(messages.createdAt), asc(messages.id));

  return { ...ticket, thread };
}
export type StaffTicket = NonNullable<Awaited<ReturnType<typeof getStaffTicket>>>;

/**
 * A request as its customer sees it. The scope is in the where clause: another customer's key finds
 * nothing. Only public messages, and only fields a customer may see (no assignee, team, tags or notes).
 */
export async function getPortalTicket(db: Db, customerId: number, publicKey: string) {
  const [ticket] = await db
    .select({
      id: tickets.id,
      publicKey: tickets.publicKey,
      subject: tickets.subject,
      reference: tickets.reference,
      status: tickets.status,
      createdAt: tickets.createdAt,
      lastPublicActivityAt: tickets.lastPublicActivityAt,
      journeyStage: journeyStages.portalLabel,
      touchpoint: touchpoints.portalLabel,
      latestCsatScore: tickets.latestCsatScore,
      followUpOfId: tickets.followUpOfId,
    })
    .from(tickets)
    .leftJoin(journeyStages, eq(journeyStages.key, tickets.journeyStage))
    .leftJoin(touchpoints, eq(touchpoints.key, tickets.touchpoint))
    .where(and(eq(tickets.publicKey, publicKey), eq(tickets.customerId, customerId)));
  if (!ticket) return null;

  const thread = await db
    .select({
      id: messages.id,
      authorKind: messages.authorKind,
      body: messages.body,
      createdAt: messages.createdAt,
      staffName: author.name,
    })
    .from(messages)
    .leftJoin(author, eq(author.id, messages.authorUserId))
    .where(and(eq(messages.ticketId, ticket.id), eq(messages.visibility, 'public')))
    .orderBy(asc(messages.createdAt), asc(messages.id));

  // The internal id stays server-side: portal pages and responses use the public key.
  const { id: _internalId, ...visible } = ticket;
  void _internalId;
  return { ...visible, thread: thread.map((m) => ({ ...m, staffName: m.authorKind === 'agent' ? (m.staffName?.split(' ')[0] ?? 'Support') : null })) };
}
export type PortalTicket = NonNullable<Awaited<ReturnType<typeof getPortalTicket>>>;

/** The id behind a customer's own request key, or null: the scope is in the where clause. */
export async function findPortalTicketId(db: Db, customerId: number, publicKey: string): Promise<number | null> {
  const [row] = await db
    .select({ id: tickets.id })
    .from(tickets)
    .where(and(eq(tickets.publicKey, publicKey), eq(tickets.customerId, customerId)));
  return row?.id ?? null;
}
