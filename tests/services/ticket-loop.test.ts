import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { messages, ticketEvents, tickets } from '@/db/schema';
import { ServiceError } from '@/lib/errors';
import { getPortalTicket, listCustomerRequests } from '@/server/queries/portal';
import { changeStatus } from '@/server/services/ticket-fields';
import { addMessage } from '@/server/services/ticket-messages';
import { createTicket } from '@/server/services/tickets-create';
import { createTestDb, describeDb, type TestDbHandle } from '../helpers/db';
import { at, seedPeople } from '../fixtures';

describe(`the first ticket loop (${describeDb})`, () => {
  let handle: TestDbHandle;
  let people: Awaited<ReturnType<typeof seedPeople>>;
  beforeAll(async () => {
    handle = await createTestDb();
    people = await seedPeople(handle.db);
  });
  afterAll(() => handle.close());

  it('submit → reply → note → solve → customer reply reopens, with facts and events in step', async () => {
    const { db } = handle;
    const { alice, agent } = people;
    const ticket = await createTicket(db, {
      subject: 'Parcel never arrived',
      body: 'Order 1234 is a week late.',
      customerId: alice.id,
      createdByKind: 'customer',
      channel: 'portal',
      journeyStage: 'purchase',
      touchpoint: 'delivery',
      at: at(0),
    });
    expect(ticket).toMatchObject({ status: 'new', customerMessageCount: 1, journeyStage: 'purchase', touchpoint: 'delivery' });
    expect(ticket.publicKey).toMatch(/^[A-Za-z0-9_-]{22}$/);

    const reply = await addMessage(db, { ticketId: ticket.id, body: 'Sorry! Checking now.', authorKind: 'agent', authorUserId: agent.id, visibility: 'public', at: at(30) });
    expect(reply.ticket).toMatchObject({ status: 'open', agentReplyCount: 1 });
    expect(reply.ticket.firstResponseAt).toEqual(at(30));

    const note = await addMessage(db, { ticketId: ticket.id, body: 'Courier says lost in depot.', authorKind: 'agent', authorUserId: agent.id, visibility: 'internal', at: at(40) });
    expect(note.ticket.agentReplyCount).toBe(1);
    expect(note.ticket.version).toBe(reply.ticket.version);

    const solved = await changeStatus(db, { ticketId: ticket.id, status: 'solved', version: note.ticket.version, actor: { kind: 'agent', userId: agent.id }, at: at(60) });
    expect(solved).toMatchObject({ status: 'solved', repliesBeforeFirstSolve: 1, fcr: true, version: note.ticket.version + 1 });
    expect(solved.firstSolvedAt).toEqual(at(60));

    const reopened = await addMessage(db, { ticketId: ticket.id, body: 'Still nothing here.', authorKind: 'customer', authorCustomerId: alice.id, visibility: 'public', at: at(120) });
    expect(reopened.ticket).toMatchObject({ status: 'open', reopenCount: 1, lastSolvedAt: null, fcr: false, customerMessageCount: 2 });

    const events = await db.select().from(ticketEvents).where(eq(ticketEvents.ticketId, ticket.id)).orderBy(asc(ticketEvents.id));
    expect(events.map((e) => e.type)).toEqual(['created', 'message', 'message', 'message', 'status', 'message']);
    expect(events[4]).toMatchObject({ actorKind: 'agent', actorUserId: agent.id, data: { from: 'open', to: 'solved' } });
  });

  it('the portal view holds public messages only, and only for the requester', async () => {
    const { db } = handle;
    const { alice, bob, agent } = people;
    const ticket = await createTicket(db, { subject: 'Refund', body: 'Please refund.', customerId: alice.id, createdByKind: 'customer', channel: 'portal', at: at(0) });
    await addMessage(db, { ticketId: ticket.id, body: 'SECRET: customer is on the watch list', authorKind: 'agent', authorUserId: agent.id, visibility: 'internal', at: at(1) });
    await addMessage(db, { ticketId: ticket.id, body: 'Refund issued.', authorKind: 'agent', authorUserId: agent.id, visibility: 'public', at: at(2) });

    const view = await getPortalTicket(db, { customerId: alice.id, verified: true }, ticket.publicKey);
    expect(view?.thread.map((m) => m.body)).toEqual(['Please refund.', 'Refund issued.']);
    expect(JSON.stringify(view)).not.toContain('SECRET');
    expect(view).not.toHaveProperty('id');
    expect(view).not.toHaveProperty('assigneeId');

    expect(await getPortalTicket(db, { customerId: bob.id, verified: true }, ticket.publicKey)).toBeNull();
    expect((await listCustomerRequests(db, { customerId: bob.id, verified: true })).map((r) => r.publicKey)).not.toContain(ticket.publicKey);
  });

  it('a stale version gets a conflict and changes nothing', async () => {
    const { db } = handle;
    const { alice, agent } = people;
    const ticket = await createTicket(db, { subject: 'Two agents', body: 'Hi', customerId: alice.id, createdByKind: 'customer', channel: 'email', at: at(0) });
    const actor = { kind: 'agent' as const, userId: agent.id };
    await changeStatus(db, { ticketId: ticket.id, status: 'pending', version: ticket.version, actor, at: at(1) });
    const stale = changeStatus(db, { ticketId: ticket.id, status: 'solved', version: ticket.version, actor, at: at(2) });
    await expect(stale).rejects.toMatchObject({ code: 'conflict' });
    const [row] = await db.select().from(tickets).where(eq(tickets.id, ticket.id));
    expect(row.status).toBe('pending');
    expect(row.firstSolvedAt).toBeNull();
  });

  it('closed is final: staff cannot post, and a customer message opens a linked follow-up', async () => {
    const { db } = handle;
    const { alice, agent } = people;
    const ticket = await createTicket(db, { subject: 'Broken lid', body: 'Lid cracked', customerId: alice.id, createdByKind: 'customer', channel: 'portal', journeyStage: 'usage', touchpoint: 'store', priority: 'high', assigneeId: agent.id, at: at(0) });
    await changeStatus(db, { ticketId: ticket.id, status: 'closed', actor: { kind: 'agent', userId: agent.id }, at: at(10) });

    const staffPost = addMessage(db, { ticketId: ticket.id, body: 'One more thing', authorKind: 'agent', authorUserId: agent.id, visibility: 'public', at: at(11) });
    await expect(staffPost).rejects.toBeInstanceOf(ServiceError);

    const result = await addMessage(db, { ticketId: ticket.id, body: 'It broke again', authorKind: 'customer', authorCustomerId: alice.id, visibility: 'public', at: at(20) });
    expect(result.followUp).toMatchObject({
      followUpOfId: ticket.id,
      status: 'new',
      createdByKind: 'customer',
      journeyStage: 'usage',
      touchpoint: 'store',
      priority: 'high',
      assigneeId: null,
    });
    const closedMessages = await db.select().from(messages).where(eq(messages.ticketId, ticket.id));
    expect(closedMessages).toHaveLength(1);
  });

  it('rejects an unknown journey stage and saves nothing', async () => {
    const { db } = handle;
    const before = await db.select().from(tickets);
    await expect(
      createTicket(db, { subject: 'x', body: 'y', customerId: people.alice.id, createdByKind: 'customer', channel: 'portal', journeyStage: 'nope' }),
    ).rejects.toMatchObject({ code: 'invalid' });
    expect(await db.select().from(tickets)).toHaveLength(before.length);
  });
});
