import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { csatRatings, customers, cxTags, journeyStages, messages, ticketEvents, tickets, ticketTags, users } from '@/db/schema';
import { parseImportEnvelope } from '@/lib/validation/import';
import { rateTicket } from '@/server/services/csat';
import { importTickets } from '@/server/services/import';
import { findOrCreateCustomer } from '@/server/services/customers';
import { rebuildMetrics } from '@/server/services/rebuild-metrics';
import { changeStatus } from '@/server/services/ticket-fields';
import { addMessage } from '@/server/services/ticket-messages';
import { createTicket } from '@/server/services/tickets-create';
import { createTestDb, describeDb, type TestDbHandle } from '../helpers/db';
import { at, DAY_MIN, seedPeople } from '../fixtures';

const iso = (minutes: number) => at(minutes).toISOString();
const AGENT = 'agent@touchpoint.test';

type Rec = Record<string, unknown> & { events: Record<string, unknown>[] };

/** A customer's ticket opened at `start` minutes, with extra events after the opening message. */
function rec(externalId: string, email: string, events: Record<string, unknown>[] = [], over: Record<string, unknown> = {}, start = 0): Rec {
  return {
    external_id: externalId,
    subject: `Subject of ${externalId}`,
    customer: { email, name: 'Imported Customer' },
    created_at: iso(start),
    created_by: 'customer',
    channel: 'email',
    priority: 'normal',
    events: [{ type: 'message', at: iso(start), author: 'customer', visibility: 'public', body: 'Where is my parcel?' }, ...events],
    ...over,
  };
}
const reply = (m: number, author = AGENT, visibility = 'public') => ({ type: 'message', at: iso(m), author, visibility, body: `Reply at ${m}` });
const customerSays = (m: number) => ({ type: 'message', at: iso(m), author: 'customer', visibility: 'public', body: `Customer at ${m}` });
const status = (m: number, s: string, by: string = AGENT) => ({ type: 'status', at: iso(m), status: s, by });
const csat = (m: number, score: number) => ({ type: 'csat', at: iso(m), score, comment: 'thanks' });

describe(`history import (${describeDb})`, () => {
  let handle: TestDbHandle;
  let people: Awaited<ReturnType<typeof seedPeople>>;
  beforeAll(async () => {
    handle = await createTestDb();
    people = await seedPeople(handle.db);
  });
  afterAll(() => handle.close());

  const ticketByExternal = async (externalId: string) => {
    const [row] = await handle.db.select().from(tickets).where(eq(tickets.externalId, externalId));
    return row;
  };
  const eventsOf = (ticketId: number) => handle.db.select().from(ticketEvents).where(eq(ticketEvents.ticketId, ticketId)).orderBy(asc(ticketEvents.at), asc(ticketEvents.id));

  it('each bad record fails alone, naming the field, while a good one in the same batch imports', async () => {
    const { db } = handle;
    const good = rec('BAD-0', 'bad-good@example.com', [reply(10)]);
    const bad: unknown[] = [
      rec('BAD-1', 'ghost1@example.com', [], { customer: { name: 'No Email' } }),
      rec('BAD-2', 'ghost2@example.com', [{ ...reply(-5) }]),
      rec('BAD-3', 'ghost3@example.com', [status(5, 'reopened')]),
      rec('BAD-4', 'ghost4@example.com', [status(5, 'solved'), csat(6, 6)]),
      rec('BAD-5', 'ghost5@example.com', [], { journey_stage: 'nope' }),
      rec('BAD-6', 'ghost6@example.com', [], { touchpoint: 'moon' }),
      { ...rec('BAD-7', 'ghost7@example.com'), events: [reply(0, AGENT), customerSays(1)] },
      { ...rec('BAD-8', 'ghost8@example.com'), external_id: undefined },
      rec('BAD-9', 'ghost9@example.com', [], { created_at: '2026-03-02T09:00:00' }),
      rec('BAD-10', 'ghost10@example.com', [{ type: 'call', at: iso(1) }]),
      rec('BAD-11', 'ghost11@example.com', [status(5, 'solved'), csat(6, 0)]),
      rec('BAD-12', 'ghost12@example.com', [csat(6, 4)]),
      rec('BAD-13', 'ghost13@example.com', [], { channel: 'fax' }),
      rec('BAD-14', 'ghost14@example.com', [{ ...customerSays(3), visibility: 'internal' }]),
      'not an object',
    ];
    const result = await importTickets(db, [good, ...bad]);
    expect(result.imported).toBe(1);
    expect(result.skipped).toBe(0);
    const errors = Object.fromEntries(result.failed.map((f) => [f.index, f.error]));
    expect(result.failed.map((f) => f.index)).toEqual(bad.map((_, i) => i + 1));
    expect(errors[1]).toBe("customer.email: enter the customer's email");
    expect(errors[2]).toBe('events[1].at: is before created_at');
    expect(errors[3]).toBe('events[1].status: unknown status "reopened"');
    expect(errors[4]).toMatch(/^events\[2\]\.score: .*1 to 5/);
    expect(errors[5]).toBe('journey_stage: unknown key "nope"');
    expect(errors[6]).toBe('touchpoint: unknown key "moon"');
    expect(errors[7]).toBe('events[0]: the first event must be the opening public message by the creator at created_at');
    expect(errors[8]).toMatch(/^external_id: /);
    expect(errors[9]).toMatch(/^created_at: .*time zone/);
    expect(errors[10]).toMatch(/^events\[1\]\.type: unknown event type "call"/);
    expect(errors[11]).toMatch(/^events\[2\]\.score: /);
    expect(errors[12]).toMatch(/^events\[1\]: a rating needs a solved ticket/);
    expect(errors[13]).toMatch(/^channel: unknown channel "fax"/);
    expect(errors[14]).toBe('events[1].visibility: a customer message cannot be an internal note');
    expect(errors[15]).toBe('each ticket must be an object');
    expect(result.failed.find((f) => f.index === 8)?.external_id).toBeNull();
    expect(result.failed.find((f) => f.index === 3)?.external_id).toBe('BAD-3');

    expect(Object.keys(result.ids)).toEqual(['BAD-0']);
    const rows = await db.select({ id: tickets.id }).from(tickets).where(sql`${tickets.externalId} like 'BAD-%'`);
    expect(rows).toEqual([{ id: result.ids['BAD-0'] }]);
    // Nothing half-written: the failed records created no customers.
    const ghosts = await db.select().from(customers).where(sql`${customers.email} like 'ghost%'`);
    expect(ghosts).toHaveLength(0);
  });

  it('a second import of the same external_id is skipped and answers the existing id', async () => {
    const { db } = handle;
    const record = rec('IDEM-1', 'idem@example.com', [reply(10)]);
    const first = await importTickets(db, [record]);
    expect(first).toMatchObject({ imported: 1, skipped: 0, failed: [] });
    const again = await importTickets(db, [record, { ...record, subject: 'changed' }]);
    expect(again).toMatchObject({ imported: 0, skipped: 2, failed: [], ids: { 'IDEM-1': first.ids['IDEM-1'] } });
    const rows = await db.select().from(tickets).where(eq(tickets.externalId, 'IDEM-1'));
    expect(rows).toHaveLength(1);
    expect(rows[0].subject).toBe('Subject of IDEM-1');

    const dup = await importTickets(db, [rec('IDEM-2', 'idem@example.com', [], {}, 10 * DAY_MIN), rec('IDEM-2', 'idem@example.com', [], {}, 10 * DAY_MIN)]);
    expect(dup).toMatchObject({ imported: 1, skipped: 1, failed: [] });
  });

  it('replays the same history to the same facts as the live app, and a rebuild agrees', async () => {
    const { db } = handle;
    const { agent } = people;
    const liveCustomer = await findOrCreateCustomer(db, { email: 'live-twin@example.com', name: 'Live Twin' });
    const staff = { kind: 'agent' as const, userId: agent.id };
    const t = await createTicket(db, { subject: 'Twin', body: 'Hello', customerId: liveCustomer.id, createdByKind: 'customer', channel: 'email', at: at(0) });
    await addMessage(db, { ticketId: t.id, body: 'Hi', authorKind: 'agent', authorUserId: agent.id, visibility: 'public', channel: 'email', at: at(30) });
    await addMessage(db, { ticketId: t.id, body: 'note', authorKind: 'agent', authorUserId: agent.id, visibility: 'internal', at: at(31) });
    await changeStatus(db, { ticketId: t.id, status: 'pending', actor: staff, at: at(32) });
    await addMessage(db, { ticketId: t.id, body: 'More info', authorKind: 'customer', authorCustomerId: liveCustomer.id, visibility: 'public', channel: 'email', at: at(40) });
    await changeStatus(db, { ticketId: t.id, status: 'solved', actor: staff, at: at(60) });
    await rateTicket(db, { ticketId: t.id, customerId: liveCustomer.id, score: 2, at: at(70) });
    await addMessage(db, { ticketId: t.id, body: 'Broken again', authorKind: 'customer', authorCustomerId: liveCustomer.id, visibility: 'public', channel: 'email', at: at(120) });
    await addMessage(db, { ticketId: t.id, body: 'Fixed', authorKind: 'agent', authorUserId: agent.id, visibility: 'public', channel: 'email', at: at(130) });
    await changeStatus(db, { ticketId: t.id, status: 'solved', actor: staff, at: at(140) });
    await rateTicket(db, { ticketId: t.id, customerId: liveCustomer.id, score: 5, at: at(150) });
    await changeStatus(db, { ticketId: t.id, status: 'closed', actor: staff, at: at(6000) });

    // The same history, with the events shuffled in the array: the import sorts them by time.
    const history = [reply(30), reply(31, AGENT, 'internal'), status(32, 'pending'), customerSays(40), status(60, 'solved'), csat(70, 2), customerSays(120), reply(130), status(140, 'solved'), csat(150, 5), status(6000, 'closed')];
    const shuffled = [...history.slice(6), ...history.slice(0, 6)];
    const result = await importTickets(db, [rec('TWIN-1', 'import-twin@example.com', shuffled)]);
    expect(result).toMatchObject({ imported: 1, failed: [] });

    const [live] = await db.select().from(tickets).where(eq(tickets.id, t.id));
    const imported = await ticketByExternal('TWIN-1');
    const FACTS = [
      'status', 'createdAt', 'createdByKind', 'clockStartedAt', 'firstResponseAt', 'firstResponseBusinessSeconds', 'firstSolvedAt', 'lastSolvedAt',
      'reopenCount', 'agentReplyCount', 'repliesBeforeFirstSolve', 'customerMessageCount', 'fcr', 'latestCsatScore', 'latestCsatAt',
      'slaFirstResponseDueAt', 'slaResolutionDueAt', 'lastActivityAt', 'lastPublicActivityAt', 'version',
    ] as const;
    const pick = (row: typeof live) => Object.fromEntries(FACTS.map((k) => [k, row[k]]));
    expect(pick(imported)).toEqual(pick(live));
    expect(imported).toMatchObject({ status: 'closed', reopenCount: 1, agentReplyCount: 2, repliesBeforeFirstSolve: 1, customerMessageCount: 3, fcr: false, latestCsatScore: 5 });

    const types = async (id: number) => (await eventsOf(id)).map((e) => [e.type, e.actorKind, e.at.toISOString()]);
    expect(await types(imported.id)).toEqual(await types(live.id));
    const importedMessages = await db.select().from(messages).where(eq(messages.ticketId, imported.id)).orderBy(asc(messages.createdAt));
    expect(importedMessages.map((m) => [m.authorKind, m.visibility])).toEqual([
      ['customer', 'public'], ['agent', 'public'], ['agent', 'internal'], ['customer', 'public'], ['customer', 'public'], ['agent', 'public'],
    ]);
    expect(await db.select({ score: csatRatings.score }).from(csatRatings).where(eq(csatRatings.ticketId, imported.id))).toHaveLength(2);

    const rebuilt = await rebuildMetrics(db, { dryRun: true });
    expect(rebuilt.differedIds).not.toContain(imported.id);
  });

  it('an agent-created ticket: starts open, its opening is no reply, and FRT waits for the customer', async () => {
    const { db } = handle;
    const result = await importTickets(db, [
      rec('AGENT-1', 'agent-made@example.com', [], {
        created_by: AGENT,
        events: [reply(0), customerSays(60), reply(90), status(100, 'solved')],
      }),
    ]);
    expect(result.failed).toEqual([]);
    const row = await ticketByExternal('AGENT-1');
    expect(row).toMatchObject({ createdByKind: 'agent', createdByUserId: people.agent.id, status: 'solved', agentReplyCount: 1, customerMessageCount: 1, repliesBeforeFirstSolve: 1 });
    expect(row.clockStartedAt).toEqual(at(60));
    expect(row.firstResponseAt).toEqual(at(90));
    const [created] = await eventsOf(row.id);
    expect(created).toMatchObject({ type: 'created', actorKind: 'agent', actorUserId: people.agent.id, data: { status: 'open', createdByKind: 'agent' } });
  });

  it('a customer reply on a solved ticket reopens it', async () => {
    const { db } = handle;
    await importTickets(db, [rec('REOPEN-1', 'reopen@example.com', [reply(10), status(20, 'solved'), customerSays(30)])]);
    const row = await ticketByExternal('REOPEN-1');
    expect(row).toMatchObject({ status: 'open', reopenCount: 1, lastSolvedAt: null, fcr: false });
    expect(row.firstSolvedAt).toEqual(at(20));
  });

  it('events with equal times keep their array order', async () => {
    const { db } = handle;
    await importTickets(db, [
      rec('TIE-1', 'tie1@example.com', [reply(10), status(20, 'solved'), customerSays(20)]),
      rec('TIE-2', 'tie2@example.com', [reply(10), customerSays(20), status(20, 'solved')]),
    ]);
    expect(await ticketByExternal('TIE-1')).toMatchObject({ status: 'open', reopenCount: 1 });
    expect(await ticketByExternal('TIE-2')).toMatchObject({ status: 'solved', reopenCount: 0 });
  });

  it('accepts a retired journey stage: history may use it', async () => {
    const { db } = handle;
    await db.update(journeyStages).set({ retiredAt: at(0) }).where(eq(journeyStages.key, 'awareness'));
    const result = await importTickets(db, [rec('RETIRED-1', 'retired@example.com', [], { journey_stage: 'awareness', touchpoint: 'website' })]);
    expect(result).toMatchObject({ imported: 1, failed: [] });
    expect(await ticketByExternal('RETIRED-1')).toMatchObject({ journeyStage: 'awareness', touchpoint: 'website' });
  });

  it('creates unknown CX tags and tags the ticket, with a tags event', async () => {
    const { db } = handle;
    await importTickets(db, [rec('TAGS-1', 'tags@example.com', [], { tags: ['wait_time', 'legacy_vip', 'legacy_vip'] })]);
    const row = await ticketByExternal('TAGS-1');
    const [tag] = await db.select().from(cxTags).where(eq(cxTags.key, 'legacy_vip'));
    expect(tag).toMatchObject({ label: 'legacy_vip', group: 'imported' });
    const tagged = await db.select({ key: ticketTags.tagKey }).from(ticketTags).where(eq(ticketTags.ticketId, row.id)).orderBy(asc(ticketTags.tagKey));
    expect(tagged.map((t) => t.key)).toEqual(['legacy_vip', 'wait_time']);
    const tagEvent = (await eventsOf(row.id)).find((e) => e.type === 'tags');
    expect(tagEvent?.data).toEqual({ added: ['wait_time', 'legacy_vip'], removed: [] });
  });

  it('unknown staff (creator, assignee, author, by) become agents who cannot sign in; a team is created', async () => {
    const { db } = handle;
    const result = await importTickets(db, [
      rec('STAFF-1', 'staff@example.com', [], {
        created_by: 'opener@legacy.test',
        assignee: 'assignee@legacy.test',
        team: 'Legacy Desk',
        events: [reply(0, 'Opener@Legacy.test'), customerSays(3), reply(10, 'writer@legacy.test'), status(20, 'solved', 'closer@legacy.test')],
      }),
    ]);
    expect(result.failed).toEqual([]);
    const emails = ['opener@legacy.test', 'assignee@legacy.test', 'writer@legacy.test', 'closer@legacy.test'];
    const created = await db.select().from(users).where(inArray(users.email, emails));
    expect(created.map((u) => u.email).sort()).toEqual([...emails].sort());
    for (const user of created) expect(user).toMatchObject({ role: 'agent', passwordHash: null });
    const row = await ticketByExternal('STAFF-1');
    expect(row.assigneeId).toBe(created.find((u) => u.email === 'assignee@legacy.test')!.id);
    expect(row.teamId).not.toBeNull();
    const solvedBy = (await eventsOf(row.id)).find((e) => e.type === 'status');
    expect(solvedBy).toMatchObject({ actorKind: 'agent', actorUserId: created.find((u) => u.email === 'closer@legacy.test')!.id });
  });

  it('a status event that would not change the status changes nothing', async () => {
    const { db } = handle;
    await importTickets(db, [rec('NOOP-1', 'noop@example.com', [reply(10), status(20, 'open'), status(30, 'pending'), status(40, 'pending')])]);
    const row = await ticketByExternal('NOOP-1');
    const statusEvents = (await eventsOf(row.id)).filter((e) => e.type === 'status');
    expect(statusEvents.map((e) => e.data)).toEqual([{ from: 'open', to: 'pending' }]);
    expect(row).toMatchObject({ status: 'pending', version: 2 });
  });

  it('any event after the ticket is closed fails the record, and opens no follow-up', async () => {
    const { db } = handle;
    const result = await importTickets(db, [
      rec('CLOSED-1', 'closed1@example.com', [reply(10), status(20, 'closed'), customerSays(30)]),
      rec('CLOSED-2', 'closed2@example.com', [reply(10), status(20, 'closed'), status(30, 'open')]),
      rec('CLOSED-3', 'closed3@example.com', [reply(10), status(20, 'closed'), status(30, 'closed')]),
    ]);
    expect(result.failed.map((f) => [f.external_id, f.error])).toEqual([
      ['CLOSED-1', 'events[3]: comes after the ticket was closed; a closed ticket takes no more events'],
      ['CLOSED-2', 'events[3]: comes after the ticket was closed; a closed ticket takes no more events'],
      ['CLOSED-3', 'events[3]: comes after the ticket was closed; a closed ticket takes no more events'],
    ]);
    const rows = await db.select().from(tickets).where(sql`${tickets.externalId} like 'CLOSED-%' or ${tickets.subject} like '%CLOSED-%'`);
    expect(rows).toHaveLength(0);
  });

  it('reuses a customer by email, case-insensitively', async () => {
    const { db } = handle;
    const before = await db.select().from(customers);
    await importTickets(db, [rec('CASE-1', 'ALICE@Example.COM', [], {}, 30 * DAY_MIN)]);
    const row = await ticketByExternal('CASE-1');
    expect(row.customerId).toBe(people.alice.id);
    expect(await db.select().from(customers)).toHaveLength(before.length);
  });

  it('re-contact is found whatever order tickets are imported in', async () => {
    const { db } = handle;
    const day = 60 * DAY_MIN;
    // The later ticket first, then the earlier one it re-contacts (3 days after its solve).
    await importTickets(db, [rec('RC-2', 'recontact@example.com', [], {}, day + 3 * DAY_MIN)]);
    await importTickets(db, [rec('RC-1', 'recontact@example.com', [reply(day + 10), status(day + 20, 'solved')], {}, day)]);
    const [first, second] = [await ticketByExternal('RC-1'), await ticketByExternal('RC-2')];
    expect(first).toMatchObject({ recontactTicketId: second.id, fcr: false });
    // And the other way round, in one request.
    await importTickets(db, [
      rec('RC-3', 'recontact2@example.com', [reply(day + 10), status(day + 20, 'solved')], {}, day),
      rec('RC-4', 'recontact2@example.com', [], {}, day + 2 * DAY_MIN),
    ]);
    expect(await ticketByExternal('RC-3')).toMatchObject({ recontactTicketId: (await ticketByExternal('RC-4')).id, fcr: false });
    // A ticket from an earlier import is marked by a later import.
    await importTickets(db, [rec('RC-5', 'recontact3@example.com', [reply(day + 10), status(day + 20, 'solved')], {}, day)]);
    expect(await ticketByExternal('RC-5')).toMatchObject({ fcr: true, recontactTicketId: null });
    await importTickets(db, [rec('RC-6', 'recontact3@example.com', [], {}, day + DAY_MIN)]);
    expect(await ticketByExternal('RC-5')).toMatchObject({ fcr: false, recontactTicketId: (await ticketByExternal('RC-6')).id });
  });

  it('a large request (several write chunks) maps every id, message and rating to its own ticket', async () => {
    const { db } = handle;
    const batch = Array.from({ length: 450 }, (_, i) => {
      const start = -300 * DAY_MIN + i * 60;
      const extra = i % 3 === 0 ? [reply(start + 5), status(start + 6, 'solved'), csat(start + 7, 1 + (i % 5))] : [reply(start + 5, AGENT, 'internal')];
      return rec(`BULK-${i}`, `bulk${i % 40}@example.com`, extra, { subject: `Bulk ${i}`, tags: i % 2 ? ['bulk_tag'] : [] }, start);
    });
    const result = await importTickets(db, batch);
    expect(result).toMatchObject({ imported: 450, skipped: 0, failed: [] });
    const ids = Object.values(result.ids);
    const rows = await db.select({ id: tickets.id, externalId: tickets.externalId, subject: tickets.subject }).from(tickets).where(inArray(tickets.id, ids));
    for (const row of rows) {
      expect(result.ids[row.externalId!]).toBe(row.id);
      expect(row.subject).toBe(`Bulk ${row.externalId!.slice('BULK-'.length)}`);
    }
    const mismatched = await db.execute(sql`
      select e.id from ticket_events e
        left join messages m on e.type = 'message' and m.id = (e.data->>'messageId')::int
        left join csat_ratings r on e.type = 'csat' and r.id = (e.data->>'ratingId')::int
       where e.ticket_id in (${sql.join(ids, sql`, `)})
         and ((e.type = 'message' and (m.ticket_id is distinct from e.ticket_id or m.created_at <> e.at))
           or (e.type = 'csat' and (r.ticket_id is distinct from e.ticket_id or r.score <> (e.data->>'score')::int)))`);
    const mismatchedRows = Array.isArray(mismatched) ? mismatched : (mismatched as unknown as { rows: unknown[] }).rows;
    expect(mismatchedRows).toHaveLength(0);
    const rebuilt = await rebuildMetrics(db, { dryRun: true });
    expect(rebuilt.differedIds.filter((id) => ids.includes(id))).toEqual([]);
  });

  it("a person named by the customer's own email is the customer, not a new staff member", async () => {
    const { db } = handle;
    const result = await importTickets(db, [
      rec('SELF-1', 'self@example.com', [], {
        created_by: 'self@example.com',
        events: [{ ...customerSays(0), author: 'self@example.com' }, { ...customerSays(5), author: 'Self@Example.com' }, status(6, 'solved', 'self@example.com')],
      }),
    ]);
    expect(result.failed).toEqual([]);
    expect(await ticketByExternal('SELF-1')).toMatchObject({ createdByKind: 'customer', customerMessageCount: 2, status: 'solved' });
    expect(await db.select().from(users).where(eq(users.email, 'self@example.com'))).toHaveLength(0);
  });

  it('two concurrent imports of the same history write each ticket once; the loser reports it skipped', async () => {
    const { db } = handle;
    const batch = Array.from({ length: 30 }, (_, i) => {
      const start = -400 * DAY_MIN + i * 10 * DAY_MIN;
      return rec(`RACE-${i}`, `race${i % 3}@example.com`, [reply(start + 10, 'racer@legacy.test'), status(start + 20, 'solved')], { tags: ['race_tag'] }, start);
    });
    const [a, b] = await Promise.all([importTickets(db, batch), importTickets(db, batch)]);
    expect(a.failed).toEqual([]);
    expect(b.failed).toEqual([]);
    expect(a.imported + b.imported).toBe(30);
    expect(a.skipped + b.skipped).toBe(30);
    expect(a.ids).toEqual(b.ids);
    const rows = await db.select({ id: tickets.id }).from(tickets).where(sql`${tickets.externalId} like 'RACE-%'`);
    expect(rows).toHaveLength(30);
    expect(await db.select().from(users).where(eq(users.email, 'racer@legacy.test'))).toHaveLength(1);
  });

  it('rejects times in the future', async () => {
    const result = await importTickets(handle.db, [rec('FUTURE-1', 'future@example.com', [reply(30)])], { now: at(5) });
    expect(result.failed).toEqual([{ index: 0, external_id: 'FUTURE-1', error: 'events[1].at: is in the future' }]);
  });

  it('rejects more than 1,000 tickets with payload_too_large, and a body without a tickets list', async () => {
    const many = Array.from({ length: 1001 }, (_, i) => rec(`MANY-${i}`, 'many@example.com'));
    await expect(importTickets(handle.db, many)).rejects.toMatchObject({ code: 'payload_too_large' });
    expect(() => parseImportEnvelope({ tickets: many })).toThrow(expect.objectContaining({ code: 'payload_too_large' }));
    expect(() => parseImportEnvelope({ nope: [] })).toThrow(expect.objectContaining({ code: 'invalid' }));
    expect(() => parseImportEnvelope([])).toThrow(expect.objectContaining({ code: 'invalid' }));
    expect(parseImportEnvelope({ tickets: [] })).toEqual([]);
    const none = await handle.db.select().from(tickets).where(and(sql`${tickets.externalId} like 'MANY-%'`));
    expect(none).toHaveLength(0);
  });
});
