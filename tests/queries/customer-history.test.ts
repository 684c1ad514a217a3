import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { rowsOf } from '@/db/client';
import { users } from '@/db/schema';
import { recontactFlags, recontactText } from '@/lib/domain/customer-journey';
import { customerOfTicket, getCustomerHistory, HISTORY_LIMIT } from '@/server/queries/customer-history';
import { ticketPanelData } from '@/server/queries/ticket-panel';
import { searchCustomers } from '@/server/queries/customers';
import { findOrCreateCustomer } from '@/server/services/customers';
import { setTicketTags } from '@/server/services/ticket-cx';
import { changeStatus } from '@/server/services/ticket-fields';
import { addMessage } from '@/server/services/ticket-messages';
import { createTicket } from '@/server/services/tickets-create';
import { createTestDb, describeDb, type TestDbHandle } from '../helpers/db';
import { at, DAY_MIN, seedPeople } from '../fixtures';

describe(`customer history (${describeDb})`, () => {
  let handle: TestDbHandle;
  let people: Awaited<ReturnType<typeof seedPeople>>;
  beforeAll(async () => {
    handle = await createTestDb();
    people = await seedPeople(handle.db);
  });
  afterAll(() => handle.close());

  it('shows every ticket with stage, touchpoint, FCR and CSAT, the journey in order, and re-contacts from the stored facts', async () => {
    const { db } = handle;
    const alice = people.alice.id;
    const first = await createTicket(db, { subject: 'Order stuck', body: 'Hi', customerId: alice, createdByKind: 'customer', channel: 'portal', journeyStage: 'purchase', touchpoint: 'website', at: at(0) });
    await addMessage(db, { ticketId: first.id, body: 'Fixed', authorKind: 'agent', authorUserId: people.agent.id, visibility: 'public', at: at(10) });
    await changeStatus(db, { ticketId: first.id, status: 'solved', actor: { kind: 'agent', userId: people.agent.id }, at: at(20) });
    const second = await createTicket(db, { subject: 'Still stuck', body: 'Again', customerId: alice, createdByKind: 'customer', channel: 'email', journeyStage: 'usage', touchpoint: 'delivery', at: at(20 + 2 * DAY_MIN + 60) });

    const history = (await getCustomerHistory(db, alice))!;
    expect(history.profile).toMatchObject({ name: 'Alice Able', email: 'alice@example.com', organisation: null });
    expect(history.tickets.map((t) => [t.id, t.stageLabel, t.touchpointLabel])).toEqual([
      [second.id, 'Usage', 'Delivery'],
      [first.id, 'Purchase', 'Website'],
    ]);
    // The re-contact turned the first ticket's FCR false; the flag sits on the later ticket.
    expect(history.tickets[1].fcr).toBe(false);
    const flag = recontactFlags(history.tickets).get(second.id)!;
    expect(recontactText(flag)).toBe(`re-contact 2 days after #${first.id} was solved`);
    expect(await getCustomerHistory(db, 999_999)).toBeNull();
    // The ticket page reads it by the ticket's id, beside the ticket itself.
    expect(await getCustomerHistory(db, customerOfTicket(first.id))).toEqual(history);
    expect(await getCustomerHistory(db, customerOfTicket(999_999))).toBeNull();
  });

  it('the side panel lists active staff plus a deactivated assignee, and the whole taxonomy with retired entries', async () => {
    const { db } = handle;
    const t = await createTicket(db, { subject: 'Panel', body: 'x', customerId: people.bob.id, createdByKind: 'customer', channel: 'email', assigneeId: people.agent.id });
    await db.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, people.agent.id));
    try {
      expect((await ticketPanelData(db, t.id)).staff.map((s) => s.id)).toContain(people.agent.id);
      const other = await createTicket(db, { subject: 'Other', body: 'x', customerId: people.bob.id, createdByKind: 'customer', channel: 'email' });
      const panel = await ticketPanelData(db, other.id);
      expect(panel.staff.map((s) => s.id)).not.toContain(people.agent.id);
      expect(panel.stages.map((s) => s.key)).toEqual(['awareness', 'consideration', 'purchase', 'onboarding', 'usage', 'renewal']);
      expect(panel.allTags[0]).toMatchObject({ key: 'wait_time', groupLabel: 'Pain point', retired: false });
      expect(panel.stages[0]).toMatchObject({ key: 'awareness', label: 'Awareness', position: 0, retired: false });
      expect(typeof panel.stages[0].portalLabel).toBe('string');
      expect(panel.tags).toEqual([]);
      const names = panel.staff.map((s) => s.name);
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
      expect(panel.teams.length).toBeGreaterThan(0);
      // The ticket's own tags, in the order they were added.
      await setTicketTags(db, { ticketId: other.id, tagKeys: ['wait_time'], actor: { kind: 'agent', userId: people.agent.id } });
      await setTicketTags(db, { ticketId: other.id, tagKeys: ['wait_time', 'app_bug'], actor: { kind: 'agent', userId: people.agent.id } });
      expect((await ticketPanelData(db, other.id)).tags).toEqual(['wait_time', 'app_bug']);
    } finally {
      await db.update(users).set({ deactivatedAt: null }).where(eq(users.id, people.agent.id));
    }
  });

  it(`stops at the latest ${HISTORY_LIMIT} tickets and says there are more`, async () => {
    const { db } = handle;
    const busy = await findOrCreateCustomer(db, { email: 'busy@example.com', name: 'Busy Bee' });
    for (let i = 0; i < HISTORY_LIMIT + 2; i++) {
      await createTicket(db, { subject: `T${i}`, body: 'x', customerId: busy.id, createdByKind: 'agent', createdByUserId: people.agent.id, channel: 'phone', at: at(i) });
    }
    const history = (await getCustomerHistory(db, busy.id))!;
    expect(history.tickets).toHaveLength(HISTORY_LIMIT);
    expect(history.more).toBe(true);
    expect(history.tickets[0].subject).toBe(`T${HISTORY_LIMIT + 1}`);
  });

  it('finds customers by part of the name or email, case-insensitively, with LIKE characters taken literally', async () => {
    const { db } = handle;
    expect((await searchCustomers(db, 'ABLE')).map((c) => c.email)).toEqual(['alice@example.com']);
    expect((await searchCustomers(db, 'bob@EX')).map((c) => c.name)).toEqual(['Bob Baker']);
    expect(await searchCustomers(db, '%')).toEqual([]);
  });

  it("lists customers by name with each one's own ticket count", async () => {
    const { db } = handle;
    const listed = await searchCustomers(db, '');
    const counts = new Map(
      rowsOf<{ id: number; n: number }>(await db.execute(sql`select customer_id as id, count(*)::int as n from tickets group by 1`)).map((r) => [r.id, r.n]),
    );
    expect(listed.map((c) => c.name)).toEqual([...listed.map((c) => c.name)].sort((a, b) => a.localeCompare(b)));
    expect(listed.map((c) => [c.id, c.tickets])).toEqual(listed.map((c) => [c.id, counts.get(c.id) ?? 0]));
    expect(listed.find((c) => c.email === 'alice@example.com')!.tickets).toBeGreaterThan(1);
  });
});
