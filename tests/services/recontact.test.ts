import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { tickets } from '@/db/schema';
import { updateSettings } from '@/server/services/settings';
import { addMessage } from '@/server/services/ticket-messages';
import { createTicket } from '@/server/services/tickets-create';
import { createTestDb, describeDb, type TestDbHandle } from '../helpers/db';
import { at, DAY_MIN, seedPeople } from '../fixtures';

describe(`re-contact and FCR (${describeDb})`, () => {
  let handle: TestDbHandle;
  let people: Awaited<ReturnType<typeof seedPeople>>;
  beforeAll(async () => {
    handle = await createTestDb();
    people = await seedPeople(handle.db);
  });
  afterAll(() => handle.close());

  /** A customer ticket answered once and solved in the same step, at `start` + 10 min. */
  async function solvedTicket(customerId: number, start: number) {
    const t = await createTicket(handle.db, { subject: 'q', body: 'q', customerId, createdByKind: 'customer', channel: 'email', at: at(start) });
    const r = await addMessage(handle.db, { ticketId: t.id, body: 'a', authorKind: 'agent', authorUserId: people.agent.id, visibility: 'public', setStatus: 'solved', at: at(start + 10) });
    expect(r.ticket.fcr).toBe(true);
    return r.ticket;
  }
  const fcrOf = async (id: number) => (await handle.db.select().from(tickets).where(eq(tickets.id, id)))[0];

  it('a new ticket by the same customer inside the window turns FCR false', async () => {
    const first = await solvedTicket(people.alice.id, 0);
    const second = await createTicket(handle.db, { subject: 'again', body: 'again', customerId: people.alice.id, createdByKind: 'customer', channel: 'chat', at: at(10 + 2 * DAY_MIN) });
    expect(await fcrOf(first.id)).toMatchObject({ fcr: false, recontactTicketId: second.id });
  });

  it('exactly N days after the solve is inside; one minute later is outside', async () => {
    const inside = await solvedTicket(people.bob.id, 100 * DAY_MIN);
    await createTicket(handle.db, { subject: 'edge', body: 'edge', customerId: people.bob.id, createdByKind: 'api', channel: 'api', at: at(100 * DAY_MIN + 10 + 7 * DAY_MIN) });
    expect((await fcrOf(inside.id)).fcr).toBe(false);

    const outside = await solvedTicket(people.bob.id, 200 * DAY_MIN);
    await createTicket(handle.db, { subject: 'late', body: 'late', customerId: people.bob.id, createdByKind: 'customer', channel: 'email', at: at(200 * DAY_MIN + 11 + 7 * DAY_MIN) });
    expect((await fcrOf(outside.id)).fcr).toBe(true);
  });

  it('a ticket an agent opened to the customer is not a re-contact', async () => {
    const first = await solvedTicket(people.alice.id, 300 * DAY_MIN);
    await createTicket(handle.db, { subject: 'outbound', body: 'we noticed', customerId: people.alice.id, createdByKind: 'agent', createdByUserId: people.agent.id, channel: 'email', at: at(300 * DAY_MIN + 60) });
    expect((await fcrOf(first.id)).fcr).toBe(true);
  });

  it('does not depend on write order: a later ticket written first still counts', async () => {
    const later = await createTicket(handle.db, { subject: 'later', body: 'later', customerId: people.bob.id, createdByKind: 'customer', channel: 'email', at: at(400 * DAY_MIN + 3 * DAY_MIN) });
    const earlier = await createTicket(handle.db, { subject: 'q', body: 'q', customerId: people.bob.id, createdByKind: 'customer', channel: 'email', at: at(400 * DAY_MIN) });
    const solved = await addMessage(handle.db, { ticketId: earlier.id, body: 'a', authorKind: 'agent', authorUserId: people.agent.id, visibility: 'public', setStatus: 'solved', at: at(400 * DAY_MIN + 10) });
    expect(solved.ticket).toMatchObject({ fcr: false, recontactTicketId: later.id });
  });

  it('follows the re-contact window setting', async () => {
    await updateSettings(handle.db, { recontactWindowDays: 1 });
    const first = await solvedTicket(people.alice.id, 500 * DAY_MIN);
    await createTicket(handle.db, { subject: 'x', body: 'x', customerId: people.alice.id, createdByKind: 'customer', channel: 'email', at: at(500 * DAY_MIN + 2 * DAY_MIN) });
    expect((await fcrOf(first.id)).fcr).toBe(true);
    await updateSettings(handle.db, { recontactWindowDays: 7 });
  });
});
