/**
 * Issue 6's budget case: a ticket page with 200 messages whose customer has 100 tickets. The seed's
 * tickets carry 3–8 messages, so the bench tops one customer up with copies of their latest ticket and
 * gives that ticket 200 messages, straight in SQL (idempotent: a second run adds nothing).
 */
import type postgres from 'postgres';

export const HEAVY = { messages: 200, customerTickets: 100 };

export async function heavyTicket(sql: postgres.Sql): Promise<number | null> {
  const [top] = await sql<{ customer_id: number; n: number; id: number }[]>`
    select customer_id, count(*)::int as n, max(id) as id from tickets group by customer_id order by count(*) desc, customer_id limit 1`;
  if (!top) return null;
  await sql`
    insert into tickets (public_key, subject, status, priority, channel, created_by_kind, customer_id, journey_stage, touchpoint, created_at, updated_at, last_activity_at, last_public_activity_at, clock_started_at)
    select md5(random()::text || g), t.subject || ' (' || g || ')', 'closed', t.priority, t.channel, t.created_by_kind, t.customer_id, t.journey_stage, t.touchpoint,
           t.created_at - g * interval '3 days', t.created_at - g * interval '3 days', t.created_at - g * interval '3 days', t.created_at - g * interval '3 days', t.created_at - g * interval '3 days'
    from tickets t, generate_series(1, ${Math.max(0, HEAVY.customerTickets - top.n)}) g
    where t.id = ${top.id}`;
  const [{ agent }] = await sql<{ agent: number | null }[]>`select min(id) as agent from users where role = 'agent'`;
  const [{ have }] = await sql<{ have: number }[]>`select count(*)::int as have from messages where ticket_id = ${top.id}`;
  await sql`
    insert into messages (ticket_id, author_kind, author_user_id, author_customer_id, visibility, channel, body, created_at)
    select ${top.id},
           case when g % 2 = 0 then 'agent' else 'customer' end,
           case when g % 2 = 0 then ${agent}::int end,
           case when g % 2 = 1 then ${top.customer_id}::int end,
           case when g % 10 = 0 then 'internal' else 'public' end,
           'email',
           'Message ' || g || ': ' || repeat('The parcel was due on Monday and the tracking page still shows it at the depot. ', 3),
           t.created_at + g * interval '10 minutes'
    from tickets t, generate_series(1, ${Math.max(0, HEAVY.messages - have)}) g
    where t.id = ${top.id}`;
  return top.id;
}
