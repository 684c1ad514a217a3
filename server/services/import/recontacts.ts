import { and, gt, gte, inArray, lte, or, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { tickets } from '@/db/schema';
import { DAY_MS, isRecontact } from '@/lib/domain/fcr';
import { lockCustomers } from '../ticket-write';

/**
 * The re-contact checks for a chunk, as the live app makes them: a new ticket first solved gets the
 * customer's earliest ticket created inside the window after (findRecontactAfterSolve), and a new
 * customer ticket marks the customer's tickets first solved inside the window before it, keeping the
 * earliest re-contact (markRecontactedTickets). FCR follows.
 */
export async function applyRecontacts(tx: Db, written: { id: number; customerId: number; createdAt: Date; createdByKind: string }[], windowDays: number): Promise<void> {
  // Live writes to these customers queue behind the import (or it behind them) instead of deciding from a
  // stale read: the same per-customer lock the services take, in the same order.
  await lockCustomers(tx, written.map((w) => w.customerId));
  const window = windowDays * DAY_MS;
  const times = written.map((w) => w.createdAt.getTime());
  const from = new Date(Math.min(...times) - window);
  const rows = await tx
    .select({
      id: tickets.id,
      customerId: tickets.customerId,
      createdAt: tickets.createdAt,
      createdByKind: tickets.createdByKind,
      firstSolvedAt: tickets.firstSolvedAt,
      recontactTicketId: tickets.recontactTicketId,
      mergedIntoId: tickets.mergedIntoId,
    })
    .from(tickets)
    .where(
      and(
        inArray(tickets.customerId, [...new Set(written.map((w) => w.customerId))]),
        or(inArray(tickets.id, written.map((w) => w.id)), gt(tickets.createdAt, from), and(gte(tickets.firstSolvedAt, from), lte(tickets.firstSolvedAt, new Date(Math.max(...times))))),
      ),
    )
;
  const newIds = new Set(written.map((w) => w.id));
  const byId = new Map(rows.map((r) => [r.id, r]));
  // Tickets that can re-contact (opened by the customer or an integration, not merged), earliest first.
  const candidates = new Map<number, typeof rows>();
  for (const r of [...rows].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id)) {
    if (r.mergedIntoId !== null || (r.createdByKind !== 'customer' && r.createdByKind !== 'api')) continue;
    const list = candidates.get(r.customerId);
    if (list) list.push(r);
    else candidates.set(r.customerId, [r]);
  }
  const updates: { id: number; recontactId: number }[] = [];
  for (const target of rows) {
    const solved = target.firstSolvedAt;
    if (!solved || target.mergedIntoId !== null) continue;
    const isNew = newIds.has(target.id);
    // A new ticket looks at every candidate; an older one only at the new tickets (they may be earlier).
    const best = candidates
      .get(target.customerId)
      ?.find((c) => c.id !== target.id && (isNew || newIds.has(c.id)) && isRecontact(solved, c.createdAt, windowDays));
    if (!best || best.id === target.recontactTicketId) continue;
    const kept = target.recontactTicketId === null ? undefined : byId.get(target.recontactTicketId);
    if (!isNew && target.recontactTicketId !== null && !(kept && kept.createdAt.getTime() > best.createdAt.getTime())) continue;
    updates.push({ id: target.id, recontactId: best.id });
  }
  if (!updates.length) return;
  const values = sql.join(updates.map((u) => sql`(${u.id}::int, ${u.recontactId}::int)`), sql`, `);
  await tx.execute(sql`
    update tickets as t
       set recontact_ticket_id = v.rid,
           fcr = case when t.replies_before_first_solve = 0 then null else false end,
           change_seq = nextval('ticket_change_seq')
      from (values ${values}) as v(id, rid)
     where t.id = v.id and t.first_solved_at is not null`);
}
