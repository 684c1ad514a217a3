import { asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '@/db/client';
import { attachmentsByMessage } from './attachments';
import { preparedPerDb } from './prepared';
import { customers, journeyStages, messages, teams, tickets, touchpoints, users } from '@/db/schema';

const assignee = alias(users, 'assignee');
const author = alias(users, 'author');

const ticketRow = preparedPerDb((db) =>
  db
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
    .where(eq(tickets.id, sql.placeholder('ticketId')))
    .prepare('staff_ticket_row'),
);

const threadRows = preparedPerDb((db) =>
  db
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
    .where(eq(messages.ticketId, sql.placeholder('ticketId')))
    .orderBy(asc(messages.createdAt), asc(messages.id))
    .prepare('staff_ticket_thread'),
);

/** A ticket as staff see it: every field, the whole thread (notes included), the customer. */
export async function getStaffTicket(db: Db, ticketId: number) {
  // The ticket, its messages and their files in one parallel round: the thread needs only the id.
  const [[ticket], messageRows, files] = await Promise.all([
    ticketRow(db).execute({ ticketId }),
    threadRows(db).execute({ ticketId }),
    attachmentsByMessage(db, ticketId, { publicOnly: false }),
  ]);
  if (!ticket) return null;
  const thread = messageRows.map((m) => ({ ...m, attachments: files.get(m.id) ?? [] }));

  return { ...ticket, thread };
}
export type StaffTicket = NonNullable<Awaited<ReturnType<typeof getStaffTicket>>>;
