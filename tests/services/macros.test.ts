import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { cxTags, messages, ticketEvents, tickets, ticketTags } from '@/db/schema';
import type { StaffActor } from '@/lib/domain/permissions';
import { macroSchema } from '@/lib/validation/macros';
import { listUsableMacros } from '@/server/queries/macros';
import { addMessageWithMacro } from '@/server/services/macro-reply';
import { createMacro, deleteMacro, updateMacro, usableMacro } from '@/server/services/macros';
import { createStaffUser } from '@/server/services/staff';
import { createTicket } from '@/server/services/tickets-create';
import { createTestDb, describeDb, type TestDbHandle } from '../helpers/db';
import { seedPeople } from '../fixtures';

const actorOf = (u: { id: number; role: StaffActor['role']; teamId: number | null; name: string; email: string }): StaffActor => ({ kind: 'staff', ...u });
const form = (fields: Record<string, unknown>) => macroSchema.parse({ name: 'Refund', body: 'Hi {{customer.name}}', ...fields });

describe(`macros: who manages them, and a reply that applies one (${describeDb})`, () => {
  let handle: TestDbHandle;
  let agent: StaffActor;
  let otherAgent: StaffActor;
  let lead: StaffActor;
  let people: Awaited<ReturnType<typeof seedPeople>>;
  beforeAll(async () => {
    handle = await createTestDb();
    people = await seedPeople(handle.db);
    agent = actorOf(people.agent);
    otherAgent = actorOf((await createStaffUser(handle.db, { email: 'o@touchpoint.test', name: 'Otto', role: 'agent', team: 'Support', password: null })).user);
    lead = actorOf((await createStaffUser(handle.db, { email: 'l@touchpoint.test', name: 'Lena Lead', role: 'lead', team: 'Support', password: null })).user);
  });
  afterAll(() => handle.close());

  it('agents keep personal macros; only leads and admins share and change shared ones', async () => {
    await expect(createMacro(handle.db, agent, form({ shared: 'on' }))).rejects.toMatchObject({ code: 'forbidden' });
    const mine = await createMacro(handle.db, agent, form({ name: 'Mine' }));
    const shared = await createMacro(handle.db, lead, form({ name: 'Team', shared: 'on' }));

    expect((await listUsableMacros(handle.db, agent)).map((m) => m.name)).toEqual(['Team', 'Mine']);
    expect((await listUsableMacros(handle.db, otherAgent)).map((m) => m.name)).toEqual(['Team']);
    await expect(usableMacro(handle.db, otherAgent, mine.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(updateMacro(handle.db, agent, shared.id, form({ name: 'Hijacked', shared: 'on' }))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(deleteMacro(handle.db, agent, shared.id)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(updateMacro(handle.db, agent, mine.id, form({ name: 'Mine', shared: 'on' }))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(deleteMacro(handle.db, lead, mine.id)).rejects.toMatchObject({ code: 'not_found' });
    expect((await updateMacro(handle.db, lead, shared.id, form({ name: 'Team v2', shared: 'on' }))).name).toBe('Team v2');
    await deleteMacro(handle.db, agent, mine.id);
    expect((await listUsableMacros(handle.db, agent)).map((m) => m.name)).toEqual(['Team v2']);
  });

  it('refuses unknown tags and stages with a field error', async () => {
    await expect(createMacro(handle.db, lead, form({ addTags: ['nope'] }))).rejects.toMatchObject({ code: 'invalid', details: { fieldErrors: { addTags: ['Choose tags from the list'] } } });
    await expect(createMacro(handle.db, lead, form({ journeyStage: 'nowhere' }))).rejects.toMatchObject({ code: 'invalid' });
  });

  it('a reply with a macro sets status, tags and stage with their events, in the same transaction', async () => {
    const macro = await createMacro(handle.db, lead, form({ name: 'Solve refund', shared: 'on', status: 'solved', addTags: ['billing_error', 'negative'], journeyStage: 'renewal' }));
    const ticket = await createTicket(handle.db, { subject: 'Charged twice', body: 'Help', customerId: people.alice.id, createdByKind: 'customer', channel: 'email' });
    const { ticket: after } = await addMessageWithMacro(
      handle.db,
      { ticketId: ticket.id, body: 'Refunded, Alice.', authorKind: 'agent', authorUserId: agent.id, visibility: 'public' },
      macro.actions,
    );
    expect(after).toMatchObject({ status: 'solved', journeyStage: 'renewal', agentReplyCount: 1 });
    expect(after.version).toBeGreaterThan(ticket.version);
    const tags = await handle.db.select({ key: ticketTags.tagKey }).from(ticketTags).where(eq(ticketTags.ticketId, ticket.id));
    expect(tags.map((t) => t.key).sort()).toEqual(['billing_error', 'negative']);
    const events = await handle.db.select({ type: ticketEvents.type }).from(ticketEvents).where(eq(ticketEvents.ticketId, ticket.id));
    expect(events.map((e) => e.type)).toEqual(['created', 'message', 'message', 'status', 'tags', 'journey_stage']);
  });

  it('when an action fails (a tag retired since), nothing is sent', async () => {
    const macro = await createMacro(handle.db, lead, form({ name: 'Tag it', shared: 'on', addTags: ['wait_time'] }));
    await handle.db.update(cxTags).set({ retiredAt: new Date() }).where(eq(cxTags.key, 'wait_time'));
    const ticket = await createTicket(handle.db, { subject: 'Slow', body: 'Waited', customerId: people.bob.id, createdByKind: 'customer', channel: 'email' });
    const [before] = await handle.db.select({ n: count() }).from(messages).where(eq(messages.ticketId, ticket.id));
    await expect(
      addMessageWithMacro(handle.db, { ticketId: ticket.id, body: 'Sorry', authorKind: 'agent', authorUserId: agent.id, visibility: 'public', setStatus: 'pending' }, macro.actions),
    ).rejects.toMatchObject({ code: 'invalid' });
    const [afterCount] = await handle.db.select({ n: count() }).from(messages).where(eq(messages.ticketId, ticket.id));
    expect(afterCount.n).toBe(before.n);
    const [row] = await handle.db.select({ status: tickets.status, agentReplyCount: tickets.agentReplyCount }).from(tickets).where(eq(tickets.id, ticket.id));
    expect(row).toEqual({ status: 'new', agentReplyCount: 0 });
  });
});
