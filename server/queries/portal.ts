import { and, asc, desc, eq, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '@/db/client';
import { csatRatings, journeyStages, messages, tickets, touchpoints, users } from '@/db/schema';
import type { CustomerActor } from '@/lib/domain/permissions';
import { publicKeySchema } from '@/lib/validation/tickets';
import { attachmentsByMessage } from './attachments';

/**
 * What a signed-in customer may see: their own requests, and while their address is unverified only
 * the ones this account submitted (anyone could have signed up with the address).
 */
export interface PortalScope {
  customerId: number;
  verified: boolean;
}
export const portalScopeOf = (actor: CustomerActor): PortalScope => ({ customerId: actor.id, verified: actor.emailVerified === true });

export function scopeWhere(scope: PortalScope): SQL {
  const own = eq(tickets.customerId, scope.customerId);
  return scope.verified ? own : (and(own, eq(tickets.submittedByAccount, true)) as SQL);
}

/** The customer's requests, newest first. "Last update" counts public activity only. */
export async function listCustomerRequests(db: Db, scope: PortalScope, limit = 100) {
  return db
    .select({
      publicKey: tickets.publicKey,
      subject: tickets.subject,
      status: tickets.status,
      createdAt: tickets.createdAt,
      lastPublicActivityAt: tickets.lastPublicActivityAt,
    })
    .from(tickets)
    .where(scopeWhere(scope))
    .orderBy(desc(tickets.lastPublicActivityAt), desc(tickets.id))
    .limit(limit);
}

const author = alias(users, 'author');
const original = alias(tickets, 'original');
const mergeTarget = alias(tickets, 'merge_target');

/**
 * A request as its customer sees it: only fields a customer may see (no assignee, team, priority, tags,
 * SLA or internal id) and only the public thread. The where clause carries the scope.
 */
async function portalView(db: Db, where: SQL) {
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
      followUpOfKey: original.publicKey,
      followUpOfSubject: original.subject,
      // Only a target of the same customer's is named: another customer's request stays unknown.
      mergedIntoKey: mergeTarget.publicKey,
      mergedIntoSubject: mergeTarget.subject,
    })
    .from(tickets)
    .leftJoin(journeyStages, eq(journeyStages.key, tickets.journeyStage))
    .leftJoin(touchpoints, eq(touchpoints.key, tickets.touchpoint))
    .leftJoin(original, eq(original.id, tickets.followUpOfId))
    .leftJoin(mergeTarget, and(eq(mergeTarget.id, tickets.mergedIntoId), eq(mergeTarget.customerId, tickets.customerId)))
    .where(where);
  if (!ticket) return null;

  const [thread, [rating], files] = await Promise.all([
    db
      .select({ id: messages.id, authorKind: messages.authorKind, body: messages.body, createdAt: messages.createdAt, staffName: author.name })
      .from(messages)
      .leftJoin(author, eq(author.id, messages.authorUserId))
      .where(and(eq(messages.ticketId, ticket.id), eq(messages.visibility, 'public')))
      .orderBy(asc(messages.createdAt), asc(messages.id)),
    db
      .select({ score: csatRatings.score, comment: csatRatings.comment })
      .from(csatRatings)
      .where(eq(csatRatings.ticketId, ticket.id))
      .orderBy(desc(csatRatings.createdAt), desc(csatRatings.id))
      .limit(1),
    attachmentsByMessage(db, ticket.id, { publicOnly: true }),
  ]);

  // The internal id stays server-side: portal pages and responses use the public key.
  const { id: _internalId, ...visible } = ticket;
  void _internalId;
  return {
    ...visible,
    rating: rating ?? null,
    // System messages (automations) are public but are not a person: they show as "Support".
    thread: thread.map((m) => ({
      id: m.id,
      authorKind: m.authorKind,
      body: m.body,
      createdAt: m.createdAt,
      staffName: m.authorKind === 'customer' ? null : (m.staffName?.split(' ')[0] ?? 'Support'),
      attachments: files.get(m.id) ?? [],
    })),
  };
}
export type PortalTicket = NonNullable<Awaited<ReturnType<typeof portalView>>>;

/** Whether a key from a URL or form could be a request's key at all: anything else finds nothing, without a query (a NUL would fail it). */
const isPublicKey = (publicKey: string) => publicKeySchema.safeParse(publicKey).success;

/** A signed-in customer's request by its public key; another customer's key finds nothing. */
export async function getPortalTicket(db: Db, scope: PortalScope, publicKey: string) {
  if (!isPublicKey(publicKey)) return null;
  return portalView(db, and(eq(tickets.publicKey, publicKey), scopeWhere(scope)) as SQL);
}

/** The request behind a guest link, after the token was checked (portal-requests.ts). */
export function getGuestTicket(db: Db, ticketId: number) {
  return portalView(db, eq(tickets.id, ticketId));
}

/** The id behind a customer's own request key, or null: the scope is in the where clause. */
export async function findPortalTicketId(db: Db, scope: PortalScope, publicKey: string): Promise<number | null> {
  if (!isPublicKey(publicKey)) return null;
  const [row] = await db
    .select({ id: tickets.id })
    .from(tickets)
    .where(and(eq(tickets.publicKey, publicKey), scopeWhere(scope)));
  return row?.id ?? null;
}
