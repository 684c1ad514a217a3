import { eq, inArray, or } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { customers, ticketLinks, tickets } from '@/db/schema';

export type RelationKind = 'related' | 'follow_up_of' | 'follow_up' | 'merged_into' | 'merged_from';
export interface RelatedTicket {
  id: number;
  subject: string;
  status: string;
  relation: RelationKind;
}

/**
 * Every ticket related to this one, both ways: links, the ticket it follows up and its follow-ups, the
 * ticket it was merged into and the duplicates merged into it. Two reads, each on an index.
 */
export async function listRelatedTickets(db: Db, ticket: { id: number; followUpOfId: number | null; mergedIntoId: number | null }): Promise<RelatedTicket[]> {
  const links = await db
    .select({ lowId: ticketLinks.lowId, highId: ticketLinks.highId })
    .from(ticketLinks)
    .where(or(eq(ticketLinks.lowId, ticket.id), eq(ticketLinks.highId, ticket.id)));
  const linked = links.map((l) => (l.lowId === ticket.id ? l.highId : l.lowId));
  const pointedAt = [...linked, ticket.followUpOfId, ticket.mergedIntoId].filter((id): id is number => id !== null);

  const rows = await db
    .select({ id: tickets.id, subject: tickets.subject, status: tickets.status, followUpOfId: tickets.followUpOfId, mergedIntoId: tickets.mergedIntoId })
    .from(tickets)
    .where(or(eq(tickets.followUpOfId, ticket.id), eq(tickets.mergedIntoId, ticket.id), pointedAt.length ? inArray(tickets.id, pointedAt) : undefined));

  const related: RelatedTicket[] = [];
  for (const row of rows) {
    const base = { id: row.id, subject: row.subject, status: row.status };
    if (row.id === ticket.mergedIntoId) related.push({ ...base, relation: 'merged_into' });
    if (row.mergedIntoId === ticket.id) related.push({ ...base, relation: 'merged_from' });
    if (row.id === ticket.followUpOfId) related.push({ ...base, relation: 'follow_up_of' });
    if (row.followUpOfId === ticket.id) related.push({ ...base, relation: 'follow_up' });
    if (linked.includes(row.id)) related.push({ ...base, relation: 'related' });
  }
  const order: RelationKind[] = ['merged_into', 'merged_from', 'follow_up_of', 'follow_up', 'related'];
  return related.sort((a, b) => order.indexOf(a.relation) - order.indexOf(b.relation) || a.id - b.id);
}

/** A ticket's subject, status and requester: the merge dialog's preview of its target. */
export async function findTicketSummary(db: Db, id: number) {
  const [row] = await db
    .select({ id: tickets.id, subject: tickets.subject, status: tickets.status, customer: customers.name, mergedIntoId: tickets.mergedIntoId })
    .from(tickets)
    .innerJoin(customers, eq(customers.id, tickets.customerId))
    .where(eq(tickets.id, id));
  return row ?? null;
}
