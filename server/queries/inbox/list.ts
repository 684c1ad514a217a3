import { and, desc, eq, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '@/db/client';
import { customers, tickets, users } from '@/db/schema';
import type { InboxQuery, InboxSort } from '@/lib/validation/inbox';
import { cursorInteger, decodeCursor, encodeCursor, invalidCursor } from './cursor';
import { filterConditions } from './filters';
import { highlightFields, searchHits } from './search';
import { cursorValues, keysetAfter, orderBy, sortKeyFields, SORT_KEYS } from './sorts';

export const assignee = alias(users, 'assignee');

/** List fields only: what an inbox row shows, never message bodies. */
export const listFields = {
  id: tickets.id,
  subject: tickets.subject,
  status: tickets.status,
  priority: tickets.priority,
  channel: tickets.channel,
  journeyStage: tickets.journeyStage,
  touchpoint: tickets.touchpoint,
  createdAt: tickets.createdAt,
  lastActivityAt: tickets.lastActivityAt,
  slaNextDueAt: tickets.slaNextDueAt,
  changeSeq: tickets.changeSeq,
  customerName: customers.name,
  customerEmail: customers.email,
  assigneeId: tickets.assigneeId,
  assigneeName: assignee.name,
};

export interface ListContext {
  staffId: number;
  now?: Date;
}

/** The default sort of a view: the SLA queue by deadline, everything else newest first. */
export function defaultSort(view: string | undefined): InboxSort {
  return view === 'at_risk' ? 'sla_due' : 'created';
}

/**
 * One page of tickets for the inbox and the list API: a view, filters, optional search, a sort, and a keyset
 * cursor, so page 2,000 costs what page 1 does. With `q` the order is relevance over a bounded match set.
 */
export async function listTickets(db: Db, query: InboxQuery, ctx: ListContext) {
  const now = ctx.now ?? new Date();
  const where = filterConditions(query, { staffId: ctx.staffId, now });
  const limit = query.limit;

  if (query.q) return searchPage(db, query.q, where, query.cursor, limit);

  const sort = query.sort ?? defaultSort(query.view);
  if (query.cursor) where.push(keysetAfter(sort, decodeCursor(query.cursor, sort, SORT_KEYS[sort].length)));
  const rows = await db
    .select({ ...listFields, ...sortKeyFields(sort) })
    .from(tickets)
    .innerJoin(customers, eq(customers.id, tickets.customerId))
    .leftJoin(assignee, eq(assignee.id, tickets.assigneeId))
    .where(and(...where))
    .orderBy(...orderBy(sort))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    rows: page.map((r) => ({ ...r, highlight: null as null | { subject: string; snippet: string | null } })),
    nextCursor: rows.length > limit && last ? encodeCursor(sort, cursorValues(sort, last)) : null,
  };
}

async function searchPage(db: Db, q: string, where: SQL[], cursor: string | undefined, limit: number) {
  const hits = searchHits(db, q);
  if (cursor) {
    const [rawRank, rawId] = decodeCursor(cursor, 'relevance', 2);
    if (typeof rawRank !== 'number' || !Number.isFinite(rawRank)) throw invalidCursor();
    const [rank, id] = [rawRank, cursorInteger(rawId)];
    where.push(or(lt(hits.rank, rank), and(eq(hits.rank, rank), lt(tickets.id, id)))!);
  }
  const { subjectHighlight, snippet } = highlightFields(q);
  const rows = await db
    .with(hits)
    .select({ ...listFields, rank: hits.rank, subjectHighlight, snippet })
    .from(tickets)
    .innerJoin(hits, eq(hits.ticketId, tickets.id))
    .innerJoin(customers, eq(customers.id, tickets.customerId))
    .leftJoin(assignee, eq(assignee.id, tickets.assigneeId))
    .where(and(...where))
    .orderBy(desc(hits.rank), desc(tickets.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    rows: page.map(({ subjectHighlight: subject, snippet: text, ...row }) => ({ ...withoutRank(row), highlight: { subject, snippet: text } })),
    nextCursor: rows.length > limit && last ? encodeCursor('relevance', [Number(last.rank), last.id]) : null,
  };
}

const withoutRank = <T extends { rank: unknown }>({ rank, ...row }: T) => (void rank, row);

export type InboxRow = Awaited<ReturnType<typeof listTickets>>['rows'][number];

/** The highest change sequence, so a poller can ask only for what changed since. */
export async function latestChangeSeq(db: Db): Promise<number> {
  const [row] = await db.select({ seq: sql<string>`coalesce(max(${tickets.changeSeq}), 0)` }).from(tickets);
  return Number(row?.seq ?? 0);
}
