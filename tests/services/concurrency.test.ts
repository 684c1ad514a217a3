import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { ticketEvents, tickets } from '@/db/schema';
import { changeStatus } from '@/server/services/ticket-fields';
import { addMessage } from '@/server/services/ticket-messages';
import { createTicket } from '@/server/services/tickets-create';
import { createTestDb, describeDb, type TestDbHandle } from '../helpers/db';
import { seedPeople } from '../fixtures';

// On Postgres these run on many connections at once (the pool has 20); PGlite has one connection, so
// there they only prove the counts, not the locking.
describe(`concurrent writes (${describeDb})`, () => {
  let handle: TestDbHandle;
  let people: Awaited<ReturnType<typeof seedPeople>>;
  beforeAll(async () => {
    handle = await createTestDb();
    people = await seedPeople(handle.db);
  });
  afterAll(() => handle.close());

  it('50 parallel replies give agent_reply_count 50 and 50 events; a status change at the same moment loses nothing', async () => {
    const { db } = handle;
    const ticket = await createTicket(db, { subject: 'Busy', body: 'Hi', customerId: people.alice.id, createdByKind: 'customer', channel: 'chat' });
    const replies = Array.from({ length: 50 }, (_, i) =>
      addMessage(db, { ticketId: ticket.id, body: `reply ${i}`, authorKind: 'agent', authorUserId: people.agent.id, visibility: 'public' }),
    );
    // Replies never bump the version, so this edit, made against the version on screen, must still land.
    const status = changeStatus(db, { ticketId: ticket.id, status: 'pending', version: ticket.version, actor: { kind: 'agent', userId: people.agent.id } });
    await Promise.all([...replies, status]);

    const [row] = await db.select().from(tickets).where(eq(tickets.id, ticket.id));
    expect(row).toMatchObject({ agentReplyCount: 50, repliesBeforeFirstSolve: 50, status: 'pending', version: ticket.version + 1 });
    const events = await db.select().from(ticketEvents).where(eq(ticketEvents.ticketId, ticket.id));
    expect(events.filter((e) => e.type === 'message')).toHaveLength(51); // the opening message and 50 replies
    expect(events.filter((e) => e.type === 'status')).toHaveLength(1);
  });
});
