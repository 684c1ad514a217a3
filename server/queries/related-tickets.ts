import { eq, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '@/db/client';
import { customers, ticketLinks, tickets } from '@/db/schema';
import { preparedPerDb } from './prepared';

export type RelationKind = 'related' | 'follow_up_of' | 'follow_up' | 'merged_into' | 'merged_from';
export interface RelatedTicket {
  id: number;
  subject: string;
  status: string;
  relation: RelationKind;
}

const ORDER: RelationKind[] = ['merged_into', 'merged_from', 'follow_up_of', 'follow_up', 'related'];

const self = alias(tickets, 'self');
const linkedIds = sql`array(select ${ticketLinks.highId} from ${ticketLinks} where ${ticketLinks.lowId} = ${self.id} union all select ${ticketLinks.lowId} from ${ticketLinks} where ${ticketLinks.highId} = ${self.id})`;
const relatedRows = preparedPerDb((db) =>
  db
    .select({
      id: tickets.id,
      subject: tickets.subject,
      status: tickets.status,
      mergedInto: sql<boolean>`${tickets.id} is not distinct from ${self.mergedIntoId}`,
      mergedFrom: sql<boolean>`${tickets.mergedIntoId} is not distinct from ${self.id}`,
      followUpOf: sql<boolean>`${tickets.id} is not distinct from ${self.followUpOfId}`,
      followUp: sql<boolean>`${tickets.followUpOfId} is not distinct from ${self.id}`,
      linked: sql<boolean>`${tickets.id} = any(${sql.raw('links.ids')})`,
    })
    .from(self)
    .innerJoin(sql`lateral (select ${linkedIds} as ids) links`, sql`true`)
    .innerJoin(
      tickets,
      or(
        eq(tickets.followUpOfId, self.id),
        eq(tickets.mergedIntoId, self.id),
        eq(tickets.id, self.followUpOfId),
        eq(tickets.id, self.mergedIntoId),
        sql`${tickets.id} = any(${sql.raw('links.ids')})`,
      ),
    )
    .where(eq(self.id, sql.placeholder('id')))
    .prepare('related_tickets'),
);

/**
 * Every ticket related to this one, both ways: links, the ticket it follows up and its follow-ups, the
 * ticket it was merged into and the duplicates merged into it. One read from the ticket's id alone (each
 * arm on an index: the primary key, the follow-up and merge indexes, the link keys), so the ticket page
 * runs it beside the ticket itself instead of after it.
 */
export async function listRelatedTickets(db: Db, id: number): Promise<RelatedTicket[]> {
  const rows = await relatedRows(db).execute({ id });
  const related: RelatedTicket[] = [];
  for (const row of rows) {
    const base = { id: row.id, subject: row.subject, status: row.status };
    if (row.mergedInto) related.push({ ...base, relation: 'merged_into' });
    if (row.mergedFrom) related.push({ ...base, relation: 'merged_from' });
    if (row.followUpOf) related.push({ ...base, relation: 'follow_up_of' });
    if (row.followUp) related.push({ ...base, relation: 'follow_up' });
    if (row.linked) related.push({ ...base, relation: 'related' });
  }
  return related.sort((a, b) => ORDER.indexOf(a.relation) - ORDER.indexOf(b.relation) || a.id - b.id);
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
