import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboxQuerySchema, type InboxQuery } from '@/lib/validation/inbox';
import { listTickets } from '@/server/queries/inbox/list';
import { countView } from '@/server/queries/inbox/saved-views';
import { changePriority, changeStatus } from '@/server/services/ticket-fields';
import { addMessage } from '@/server/services/ticket-messages';
import { createTicket } from '@/server/services/tickets-create';
import { createTestDb, describeDb, type TestDbHandle } from '../helpers/db';
import { at, seedPeople } from '../fixtures';

describe(`inbox list (${describeDb})`, () => {
  let handle: TestDbHandle;
  let people: Awaited<ReturnType<typeof seedPeople>>;
  const ids: number[] = [];
  const q = (params: Record<string, string | number>) => inboxQuerySchema.parse(Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])));
  const list = (query: InboxQuery) => listTickets(handle.db, query, { staffId: people.agent.id, now: at(10_000) });

  /** Walks every page of a query, returning ids in order. */
  async function walk(params: Record<string, string | number>) {
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof list>> = await list(q({ ...params, ...(cursor ? { cursor } : {}) }));
      seen.push(...page.rows.map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    return seen;
  }

  beforeAll(async () => {
    handle = await createTestDb();
    people = await seedPeople(handle.db);
    // 12 tickets in 4 groups of 3 with the very same created_at: ties that only the id can order.
    for (let i = 0; i < 12; i++) {
      const t = await createTicket(handle.db, {
        subject: i === 5 ? 'Refund for a broken blender' : `Question ${i}`,
        body: i === 7 ? 'The blender arrived broken and I want a refund' : 'Hello there',
        customerId: i % 2 ? people.alice.id : people.bob.id,
        createdByKind: 'customer',
        channel: i % 3 === 0 ? 'email' : 'portal',
        journeyStage: i < 6 ? 'purchase' : 'usage',
        at: at(Math.floor(i / 3) * 10),
      });
      ids.push(t.id);
    }
    const actor = { kind: 'agent' as const, userId: people.agent.id };
    await changePriority(handle.db, { ticketId: ids[2], priority: 'urgent', actor, at: at(100) });
    await changePriority(handle.db, { ticketId: ids[9], priority: 'high', actor, at: at(101) });
    await addMessage(handle.db, { ticketId: ids[4], body: 'Done', authorKind: 'agent', authorUserId: people.agent.id, visibility: 'public', setStatus: 'solved', at: at(102) });
    await changeStatus(handle.db, { ticketId: ids[8], status: 'pending', actor, at: at(103) });
  });
  afterAll(() => handle.close());

  it('pages by keyset through ties on created_at: every ticket once, newest first, ties by id', async () => {
    const seen = await walk({ view: 'all', sort: 'created', limit: 5 });
    const expected = [...ids].sort((a, b) => Math.floor((ids.indexOf(b)) / 3) - Math.floor(ids.indexOf(a) / 3) || b - a);
    expect(seen).toEqual(expected);
  });

  it.each(['last_activity', 'priority', 'sla_due'] as const)('sort %s pages without gaps or repeats', async (sort) => {
    const seen = await walk({ view: 'all', sort, limit: 4 });
    expect([...seen].sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b));
  });

  it('priority sort puts urgent, then high, first', async () => {
    const first = (await list(q({ view: 'all', sort: 'priority', limit: 2 }))).rows.map((r) => r.id);
    expect(first).toEqual([ids[2], ids[9]]);
  });

  it('filters: status, channel, journey stage and views combine', async () => {
    const solved = await walk({ view: 'all', status: 'solved' });
    expect(solved).toEqual([ids[4]]);
    expect(await walk({ view: 'pending' })).toEqual([ids[8]]);
    const emailPurchase = await walk({ view: 'all', channel: 'email', journey_stage: 'purchase' });
    expect(emailPurchase.sort((a, b) => a - b)).toEqual([ids[0], ids[3]]);
    expect(await walk({ view: 'all_open', fcr: 'true' })).toEqual([]);
    expect(await walk({ view: 'all', fcr: 'true' })).toEqual([ids[4]]);
  });

  it('a bad cursor, or one from another sort, is a clear 400-style error', async () => {
    const page = await list(q({ view: 'all', sort: 'created', limit: 2 }));
    await expect(list(q({ view: 'all', sort: 'priority', cursor: page.nextCursor! }))).rejects.toMatchObject({ code: 'invalid' });
    await expect(list(q({ view: 'all', cursor: 'not-a-cursor' }))).rejects.toMatchObject({ code: 'invalid', message: expect.stringMatching(/not valid/) });
  });

  it('search ranks a subject match above a body-only match, and highlights the words', async () => {
    const page = await list(q({ view: 'all', q: 'refund blender' }));
    expect(page.rows.map((r) => r.id)).toEqual([ids[5], ids[7]]);
    expect(page.rows[0].highlight?.subject).toBe('\u27E6Refund\u27E7 for a broken \u27E6blender\u27E7');
    expect(page.rows[1].highlight?.snippet).toContain('\u27E6blender\u27E7');
  });

  it('search finds customers by part of their email and respects filters', async () => {
    const alice = await walk({ view: 'all', q: 'alice@exam' });
    expect(alice.length).toBe(6);
    expect(await walk({ view: 'all', q: 'alice@exam', status: 'solved' })).toEqual([]);
  });

  it('counts a view up to the cap only', async () => {
    expect(await countView(handle.db, q({ view: 'all_open' }), people.agent.id)).toEqual({ count: 11, capped: false }); // 12 tickets, one solved
  });
});
