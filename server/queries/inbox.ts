import { and, desc, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '@/db/client';
import { customers, tickets, users } from '@/db/schema';
import { UNSOLVED_STATUSES } from '@/lib/domain/ticket-values';
import { decodeCursor, encodeCursor } from './cursor';

export const INBOX_SCOPES = ['open', 'mine', 'unassigned', 'all'] as const;
export type InboxScope = (typeof INBOX_SCOPES)[number];

export interface InboxParams {
  scope: InboxScope;
  /** The staff member asking, for "mine". */
  staffId: number;
  cursor?: string | null;
  limit?: number;
}

const assignee = alias(users, 'assignee');

/** List fields only: what an inbox row shows, never message bodies. */
const listFields = {
  id: tickets.id,
  subject: tickets.subject,
  status: tickets.status,
  priority: tickets.priority,
  channel: tickets.channel,
  journeyStage: tickets.journeyStage,
  touchpoint: tickets.touchpoint,
  createdAt: tickets.createdAt,
  lastActivityAt: tickets.lastActivityAt,
  changeSeq: tickets.changeSeq,
  customerName: customers.name,
  customerEmail: customers.email,
  assigneeName: assignee.name,
};


function scopeFilter(params: InboxParams): SQL | undefined {
  // Open-queue filters match the partial indexes in db/schema/tickets.ts.
  const open = and(inArray(tickets.status, [...UNSOLVED_STATUSES]), isNull(tickets.mergedIntoId));
  switch (params.scope) {
    case 'open':
      return open;
    case 'mine':
      return and(open, eq(tickets.assigneeId, params.staffId));
    case 'unassigned':
      return and(open, isNull(tickets.assigneeId));
    case 'all':
      return undefined;
  }
}

/** One page of the inbox, newest first, by keyset on (created_at, id): page 2,000 costs what page 1 does. */
export async function listInbox(db: Db, params: InboxParams) {
  const limit = Math.min(Math.max(params.limit ?? 50, 1), 100);
  const after = params.cursor ? decodeCursor(params.cursor) : null;
  const keyset = after
    ? or(
        lt(tickets.createdAt, after.sortValue),
        and(eq(tickets.createdAt, after.sortValue), lt(tickets.id, after.id)),
      )
    : undefined;

  const rows = await db
    .select(listFields)
    .from(tickets)
    .innerJoin(customers, eq(customers.id, tickets.customerId))
    .leftJoin(assignee, eq(assignee.id, tickets.assigneeId))
    .where(and(scopeFilter(params), keyset))
    .orderBy(desc(tickets.createdAt), desc(tickets.id))
    .limit(limit + 1);

  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { rows: page, nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt, last.id) : null };
}

/** The highest change sequence, so a poller can ask only for what changed since. */
export async function latestChangeSeq(db: Db): Promise<number> {
  const [row] = await db.select({ seq: sql<number>`coalesce(max(${tickets.changeSeq}), 0)::bigint` }).from(tickets);
  return Number(row?.seq ?? 0);
}

export type InboxRow = Awaited<ReturnType<typeof listInbox>>['rows'][number];
