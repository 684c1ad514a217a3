import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { ticketEvents, tickets } from '@/db/schema';
import { ServiceError } from '@/lib/errors';
import { editTicketFields } from '@/server/services/ticket-edit';
import { addMessage } from '@/server/services/ticket-messages';
import { createTicket } from '@/server/services/tickets-create';
import { createTestDb, describeDb, type TestDbHandle } from '../helpers/db';
import { seedPeople } from '../fixtures';

// On Postgres the edits run on separate connections at the same moment, so the row lock and the version
// check are what decide; PGlite has one connection, where this only proves the outcome.
describe(`two agents edit one ticket at once (${describeDb})`, () => {
  let handle: TestDbHandle;
  let people: Awaited<ReturnType<typeof seedPeople>>;
  beforeAll(async () => {
    handle = await createTestDb();
    people = await seedPeople(handle.db);
  });
  afterAll(() => handle.close());

  it('against the same version, exactly one edit lands; the other gets a conflict with the winner\'s value', async () => {
    const { db } = handle;
    const ticket = await createTicket(db, { subject: 'Race', body: 'Hi', customerId: people.alice.id, createdByKind: 'customer', channel: 'chat' });
    const actor = { kind: 'agent' as const, userId: people.agent.id };
    const results = await Promise.allSettled([
      editTicketFields(db, { ticketId: ticket.id, version: ticket.version, actor, changes: { journeyStage: 'usage' } }),
      editTicketFields(db, { ticketId: ticket.id, version: ticket.version, actor, changes: { journeyStage: 'renewal' } }),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const winner = (won[0] as PromiseFulfilledResult<typeof ticket>).value;
    expect(lost[0].reason).toBeInstanceOf(ServiceError);
    expect(lost[0].reason).toMatchObject({ code: 'conflict', details: { current: expect.objectContaining({ journey_stage: winner.journeyStage }) } });
    expect((lost[0].reason as ServiceError).message).toMatch(/^Agnes Agent changed the journey stage to (Usage|Renewal); your change was not saved\.$/);

    const [row] = await db.select().from(tickets).where(eq(tickets.id, ticket.id));
    expect(row).toMatchObject({ journeyStage: winner.journeyStage, version: ticket.version + 1 });
    const events = await db.select().from(ticketEvents).where(eq(ticketEvents.ticketId, ticket.id));
    expect(events.filter((e) => e.type === 'journey_stage')).toHaveLength(1);
  });

  it('replies and notes written during field edits never conflict and are never lost', async () => {
    const { db } = handle;
    const ticket = await createTicket(db, { subject: 'Busy', body: 'Hi', customerId: people.bob.id, createdByKind: 'customer', channel: 'chat' });
    const actor = { kind: 'agent' as const, userId: people.agent.id };
    const writes = [
      ...Array.from({ length: 10 }, (_, i) =>
        addMessage(db, { ticketId: ticket.id, body: `note ${i}`, authorKind: 'agent', authorUserId: people.agent.id, visibility: i % 2 ? 'internal' : 'public' }),
      ),
      editTicketFields(db, { ticketId: ticket.id, version: ticket.version, actor, changes: { priority: 'high', tags: ['wait_time'] } }),
    ];
    await Promise.all(writes);
    const [row] = await db.select().from(tickets).where(eq(tickets.id, ticket.id));
    expect(row).toMatchObject({ priority: 'high', agentReplyCount: 5, version: ticket.version + 1 });
    const events = await db.select().from(ticketEvents).where(eq(ticketEvents.ticketId, ticket.id));
    expect(events.filter((e) => e.type === 'message')).toHaveLength(11);
  });
});
