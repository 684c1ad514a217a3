import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { teams, ticketEvents } from '@/db/schema';
import { setAvailability } from '@/server/services/round-robin';
import { createStaffUser } from '@/server/services/staff';
import { assignTicket } from '@/server/services/ticket-fields';
import { createTicket } from '@/server/services/tickets-create';
import { createTestDb, describeDb, type TestDbHandle } from '../helpers/db';
import { at, seedPeople } from '../fixtures';

describe(`round-robin assignment (${describeDb})`, () => {
  let handle: TestDbHandle;
  let people: Awaited<ReturnType<typeof seedPeople>>;
  let teamId: number;
  let ann: number;
  let ben: number;
  let cat: number;

  beforeAll(async () => {
    handle = await createTestDb();
    people = await seedPeople(handle.db);
    const make = async (email: string) => (await createStaffUser(handle.db, { email, name: email, role: 'agent', team: 'Returns', password: 'password123' })).user;
    [ann, ben, cat] = [(await make('ann@t.test')).id, (await make('ben@t.test')).id, (await make('cat@t.test')).id];
    teamId = (await handle.db.select().from(teams).where(eq(teams.name, 'Returns')))[0].id;
    await handle.db.update(teams).set({ autoAssign: true }).where(eq(teams.id, teamId));
    await setAvailability(handle.db, ann, true);
    await setAvailability(handle.db, ben, true);
  });
  afterAll(() => handle.close());

  const open = (minute: number) =>
    createTicket(handle.db, { subject: 's', body: 'b', customerId: people.alice.id, createdByKind: 'customer', channel: 'portal', teamId, at: at(minute) });

  it('hands new team tickets to available agents in turn, skipping the unavailable one', async () => {
    const assignees = [];
    for (let i = 0; i < 4; i++) assignees.push((await open(i)).assigneeId);
    expect(assignees).toEqual([ann, ben, ann, ben]);
    expect(assignees).not.toContain(cat);
  });

  it('records the pick in the created event, so a rebuild sees the same assignee', async () => {
    const t = await open(10);
    const [created] = await handle.db.select().from(ticketEvents).where(eq(ticketEvents.ticketId, t.id));
    expect(created.data).toMatchObject({ assigneeId: t.assigneeId, teamId });
  });

  it('routes a ticket moved into the team without an assignee', async () => {
    const t = await createTicket(handle.db, { subject: 's', body: 'b', customerId: people.bob.id, createdByKind: 'customer', channel: 'email', at: at(20) });
    expect(t.assigneeId).toBeNull();
    const routed = await assignTicket(handle.db, { ticketId: t.id, assigneeId: null, teamId, actor: { kind: 'agent', userId: people.agent.id }, at: at(21) });
    expect([ann, ben]).toContain(routed.assigneeId);
  });

  it('leaves tickets unassigned when nobody is available, and when the team has round-robin off', async () => {
    await setAvailability(handle.db, ann, false);
    await setAvailability(handle.db, ben, false);
    expect((await open(30)).assigneeId).toBeNull();
    await setAvailability(handle.db, ann, true);
    await handle.db.update(teams).set({ autoAssign: false }).where(eq(teams.id, teamId));
    expect((await open(31)).assigneeId).toBeNull();
  });
});
