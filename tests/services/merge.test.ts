import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { messages, ticketEvents, tickets } from '@/db/schema';
import { metricsQuerySchema } from '@/lib/validation/metrics';
import { queryMetrics } from '@/server/queries/metrics/aggregate';
import { getPortalTicket } from '@/server/queries/portal';
import { listRelatedTickets } from '@/server/queries/related-tickets';
import { findOrCreateCustomer } from '@/server/services/customers';
import { mergeTickets } from '@/server/services/merge';
import { linkTickets, unlinkTickets } from '@/server/services/ticket-links';
import { changeStatus } from '@/server/services/ticket-fields';
import { addMessage } from '@/server/services/ticket-messages';
import { createTicket } from '@/server/services/tickets-create';
import type { TicketRow } from '@/server/services/ticket-write';
import { createTestDb, describeDb, type TestDbHandle } from '../helpers/db';
import { at, DAY_MIN, seedPeople } from '../fixtures';

const query = metricsQuerySchema.parse({ from: at(-30 * DAY_MIN).toISOString(), to: at(30 * DAY_MIN).toISOString() });

/** Every stored fact of a ticket, without the bookkeeping a note legitimately moves. */
function factsOnly(row: TicketRow) {
  const { updatedAt: _u, lastActivityAt: _l, changeSeq: _c, ...facts } = row;
  void [_u, _l, _c];
  return facts;
}

describe(`merge and link (${describeDb})`, () => {
  let handle: TestDbHandle;
  let people: Awaited<ReturnType<typeof seedPeople>>;
  beforeAll(async () => {
    handle = await createTestDb();
    people = await seedPeople(handle.db);
  });
  afterAll(() => handle.close());

  const open = (customerId: number, subject: string, minutes: number, body = `${subject}: please help`) =>
    createTicket(handle.db, { subject, body, customerId, createdByKind: 'customer', channel: 'email', at: at(minutes) });
  const reply = (ticketId: number, minutes: number, setStatus?: 'solved') =>
    addMessage(handle.db, { ticketId, body: 'On it', authorKind: 'agent', authorUserId: people.agent.id, visibility: 'public', setStatus, at: at(minutes) });
  const row = async (id: number) => (await handle.db.select().from(tickets).where(eq(tickets.id, id)))[0];
  const metrics = () => Promise.all([queryMetrics(handle.db, query, { now: at(60 * DAY_MIN) }), queryMetrics(handle.db, query, { now: at(60 * DAY_MIN), rollup: false })]);

  it('the duplicate leaves every aggregate and the target’s facts do not change', async () => {
    const target = await open(people.bob.id, 'Parcel lost', 0);
    await reply(target.id, 10, 'solved');
    const withoutDuplicate = await metrics();
    const targetBefore = factsOnly(await row(target.id));

    const carol = await findOrCreateCustomer(handle.db, { email: 'carol@example.com', name: 'Carol' });
    const duplicate = await open(carol.id, 'Where is my parcel?', 30, 'Line one\n<script>alert(1)</script>');
    await reply(duplicate.id, 40);
    expect((await metrics())[0].totals.created).toBe(withoutDuplicate[0].totals.created + 1);

    const result = await mergeTickets(handle.db, { duplicateId: duplicate.id, targetId: target.id, userId: people.agent.id, at: at(50) });
    expect(result.duplicate).toMatchObject({ status: 'closed', mergedIntoId: target.id });
    expect(await metrics()).toEqual(withoutDuplicate);
    expect(factsOnly(await row(target.id))).toEqual(targetBefore);

    // The target's internal note links back and quotes the opening message, as text.
    const targetNotes = await handle.db.select().from(messages).where(eq(messages.ticketId, target.id)).orderBy(asc(messages.id));
    expect(targetNotes.at(-1)).toMatchObject({ visibility: 'internal', authorKind: 'agent' });
    expect(targetNotes.at(-1)!.body).toContain(`Merged from #${duplicate.id} "Where is my parcel?"`);
    expect(targetNotes.at(-1)!.body).toContain('> Line one\n> <script>alert(1)</script>');

    // The duplicate keeps its messages, gains a public notice and an internal link, and records the merge.
    const dupThread = await handle.db.select().from(messages).where(eq(messages.ticketId, duplicate.id)).orderBy(asc(messages.id));
    expect(dupThread.map((m) => [m.authorKind, m.visibility])).toEqual([
      ['customer', 'public'],
      ['agent', 'public'],
      ['system', 'public'],
      ['agent', 'internal'],
    ]);
    expect(dupThread[3].body).toBe(`Merged into #${target.id} "Parcel lost". Continue there.`);
    // Across customers, the notice does not name the other customer's request, nor does the portal view.
    expect(dupThread[2].body).not.toContain('Parcel lost');
    expect(await getPortalTicket(handle.db, { customerId: carol.id, verified: true }, duplicate.publicKey)).toMatchObject({ mergedIntoKey: null, mergedIntoSubject: null });
    const events = await handle.db.select({ type: ticketEvents.type, data: ticketEvents.data }).from(ticketEvents).where(eq(ticketEvents.ticketId, duplicate.id));
    expect(events.slice(-2)).toEqual([{ type: 'merge', data: { intoTicketId: target.id } }, { type: 'status', data: { from: 'open', to: 'closed' } }]);

    // Read-only: nothing more can be written to the duplicate.
    await expect(reply(duplicate.id, 60)).rejects.toMatchObject({ code: 'ticket_closed' });
    expect(await listRelatedTickets(handle.db, target.id)).toEqual([{ id: duplicate.id, subject: 'Where is my parcel?', status: 'closed', relation: 'merged_from' }]);
    expect(await listRelatedTickets(handle.db, duplicate.id)).toEqual([{ id: target.id, subject: 'Parcel lost', status: 'solved', relation: 'merged_into' }]);
  });

  it('the requester sees where the conversation continues in the portal, and no internal note', async () => {
    const target = await open(people.alice.id, 'Refund please', 1000);
    const duplicate = await open(people.alice.id, 'Refund??', 1010);
    await mergeTickets(handle.db, { duplicateId: duplicate.id, targetId: target.id, userId: people.agent.id, at: at(1020) });
    const view = await getPortalTicket(handle.db, { customerId: people.alice.id, verified: true }, duplicate.publicKey);
    expect(view).toMatchObject({ mergedIntoKey: target.publicKey, mergedIntoSubject: 'Refund please' });
    expect(view!.thread.map((m) => m.body)).toEqual([
      'Refund??: please help',
      'We merged this request into your request "Refund please", which is about the same issue. The conversation continues there: please reply on that request.',
    ]);
  });

  it('tickets the duplicate had re-contacted get their FCR back; the target keeps its own', async () => {
    const dora = await findOrCreateCustomer(handle.db, { email: 'dora@example.com', name: 'Dora' });
    const target = await open(dora.id, 'App crash', 2 * DAY_MIN);
    const earlier = await open(dora.id, 'Login fails', 2 * DAY_MIN + 5);
    await reply(earlier.id, 2 * DAY_MIN + 10, 'solved');
    await reply(target.id, 2 * DAY_MIN + 25, 'solved');
    const duplicate = await open(dora.id, 'App crash again', 3 * DAY_MIN);
    expect(await row(earlier.id)).toMatchObject({ fcr: false, recontactTicketId: duplicate.id });
    expect(await row(target.id)).toMatchObject({ fcr: false, recontactTicketId: duplicate.id });

    await mergeTickets(handle.db, { duplicateId: duplicate.id, targetId: target.id, userId: people.agent.id, at: at(3 * DAY_MIN + 5) });
    expect(await row(earlier.id)).toMatchObject({ fcr: true, recontactTicketId: null });
    expect(await row(target.id)).toMatchObject({ fcr: false, recontactTicketId: duplicate.id });
    // A later ticket of the customer no longer counts the merged one as a re-contact either.
    expect(await row(duplicate.id)).toMatchObject({ mergedIntoId: target.id });
  });

  it('refuses self, chains, closed tickets and unknown ids, with a message that says what to do', async () => {
    const a = await open(people.bob.id, 'A', 5000);
    const b = await open(people.bob.id, 'B', 5001);
    const c = await open(people.bob.id, 'C', 5002);
    const merge = (duplicateId: number, targetId: number) => mergeTickets(handle.db, { duplicateId, targetId, userId: people.agent.id });
    await expect(merge(a.id, a.id)).rejects.toMatchObject({ code: 'invalid', message: expect.stringContaining('cannot be merged into itself') });
    await expect(merge(a.id, 9_999_999)).rejects.toMatchObject({ code: 'not_found' });
    await merge(b.id, a.id);
    await expect(merge(c.id, b.id)).rejects.toMatchObject({ message: `#${b.id} was itself merged into #${a.id}. Merge into #${a.id} instead.` });
    await expect(merge(b.id, c.id)).rejects.toMatchObject({ message: `#${b.id} is already merged into #${a.id}.` });
    await expect(merge(a.id, c.id)).rejects.toMatchObject({ message: expect.stringContaining(`#${b.id} was merged into #${a.id}`) });
    const closed = await open(people.bob.id, 'Closed', 5003);
    await changeStatus(handle.db, { ticketId: closed.id, status: 'closed', actor: { kind: 'agent', userId: people.agent.id } });
    await expect(merge(closed.id, c.id)).rejects.toMatchObject({ message: expect.stringContaining('is closed') });
    await expect(merge(c.id, closed.id)).rejects.toMatchObject({ message: expect.stringContaining('is closed') });
    // Nothing was half-written by the refusals.
    expect(await row(c.id)).toMatchObject({ status: 'new', mergedIntoId: null });
    expect((await handle.db.select().from(messages).where(eq(messages.ticketId, c.id))).length).toBe(1);
  });

  it('links are symmetric, shown on both tickets, and follow-ups show their link both ways', async () => {
    const a = await open(people.alice.id, 'Link A', 6000);
    const b = await open(people.alice.id, 'Link B', 6001);
    await linkTickets(handle.db, { ticketId: b.id, otherId: a.id, userId: people.agent.id });
    await linkTickets(handle.db, { ticketId: a.id, otherId: b.id, userId: people.agent.id }); // twice: no error, one link
    expect(await listRelatedTickets(handle.db, a.id)).toEqual([{ id: b.id, subject: 'Link B', status: 'new', relation: 'related' }]);
    expect(await listRelatedTickets(handle.db, b.id)).toEqual([{ id: a.id, subject: 'Link A', status: 'new', relation: 'related' }]);
    await expect(linkTickets(handle.db, { ticketId: a.id, otherId: a.id, userId: people.agent.id })).rejects.toMatchObject({ code: 'invalid' });
    await expect(linkTickets(handle.db, { ticketId: a.id, otherId: 9_999_999, userId: people.agent.id })).rejects.toMatchObject({ code: 'not_found' });
    await unlinkTickets(handle.db, { ticketId: a.id, otherId: b.id });
    expect(await listRelatedTickets(handle.db, b.id)).toEqual([]);

    await changeStatus(handle.db, { ticketId: a.id, status: 'closed', actor: { kind: 'agent', userId: people.agent.id } });
    const { followUp } = await addMessage(handle.db, { ticketId: a.id, body: 'Again', authorKind: 'customer', authorCustomerId: people.alice.id, visibility: 'public' });
    expect(await listRelatedTickets(handle.db, a.id)).toEqual([{ id: followUp!.id, subject: 'Follow-up: Link A', status: 'new', relation: 'follow_up' }]);
    expect(await listRelatedTickets(handle.db, followUp!.id)).toEqual([{ id: a.id, subject: 'Link A', status: 'closed', relation: 'follow_up_of' }]);
  });
});
