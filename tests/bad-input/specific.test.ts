/**
 * Bad inputs the class table cannot build from a field's valid value: forged cursors, dates Postgres cannot
 * hold, a saved view stored before today's rules, and an import where one record of several is bad.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { savedViews, tickets } from '@/db/schema';
import { GET as listTickets } from '@/app/api/v1/tickets/route';
import { GET as metrics } from '@/app/api/v1/metrics/route';
import { POST as importTickets } from '@/app/api/v1/import/tickets/route';
import { changedTables, databaseChecksum } from './db-checksum';
import { createWorld, type World } from './world';
import { describeDb } from '../helpers/db';
import { session } from '../idempotency/session-mock';

vi.mock('@/server/auth/session', async (importOriginal) => (await import('../idempotency/session-mock')).mockSession(importOriginal));
vi.mock('next/headers', async () => (await import('../idempotency/session-mock')).mockHeaders());
vi.mock('next/cache', async () => (await import('../idempotency/session-mock')).mockCache());

const noParams = { params: Promise.resolve({}) };
const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe(`bad input beyond the class table (${describeDb})`, () => {
  let w: World;
  beforeAll(async () => {
    w = await createWorld();
  });
  afterAll(() => w.handle.close());

  const get = async (handler: typeof listTickets, query: string) => {
    session.actor = w.admin;
    const response = await handler(new Request(`http://localhost/api/v1/x?${query}`), noParams);
    return { status: response.status, body: (await response.json()) as { error?: { message: string; details?: Record<string, string[]> } } };
  };

  it.each([
    ['an id past the integer column', { s: 'created', v: ['2026-01-01T00:00:00.000Z', 2_147_483_648] }, 'sort=created'],
    ['an id of 1e30', { s: 'last_activity', v: ['2026-01-01T00:00:00.000Z', 1e30] }, ''],
    ['the year 275760', { s: 'created', v: ['+275760-09-13T00:00:00.000Z', 1] }, 'sort=created'],
    ['a date with a NUL', { s: 'created', v: ['2026-01-01\u0000', 1] }, 'sort=created'],
    ['a priority rank of 1e20', { s: 'priority', v: [1e20, '2026-01-01T00:00:00.000Z', 1] }, 'sort=priority'],
    ['a search rank that is not a number', { s: 'relevance', v: ['high', 1] }, 'q=parcel'],
    ['a search id past the integer column', { s: 'relevance', v: [0.5, 2_147_483_648] }, 'q=parcel'],
  ])('a forged cursor with %s is a 400 naming cursor', async (_name, cursor, query) => {
    const { status, body } = await get(listTickets, `${query}&cursor=${cursorOf(cursor)}`);
    expect(status).toBe(400);
    expect(body.error?.details).toHaveProperty('cursor');
  });

  it.each([
    ['created_from=0000-01-01', 'created_from'],
    ['created_to=0000-12-31', 'created_to'],
  ])('%s (no year 0 in Postgres) is a 400 naming the parameter', async (query, field) => {
    const { status, body } = await get(listTickets, query);
    expect(status).toBe(400);
    expect(body.error?.details).toHaveProperty(field);
  });

  it('metrics from the year 0 is a 400 naming from', async () => {
    const { status, body } = await get(metrics, 'from=0000-01-01T00:00:00Z&to=0000-02-01T00:00:00Z');
    expect(status).toBe(400);
    expect(body.error?.details).toHaveProperty('from');
  });

  it('a saved view whose stored filters are no longer valid is a 400 that says so, not a 500', async () => {
    const [view] = await w.handle.db.insert(savedViews).values({ name: 'Old', ownerId: w.admin.id, sharedWithTeamId: null, filters: { q: 'tab\there' } }).returning({ id: savedViews.id });
    const { status, body } = await get(listTickets, `view=saved:${view.id}`);
    expect(status).toBe(400);
    expect(body.error?.message).toMatch(/no longer valid/);
  });

  it('an import fails a bad record alone: the good one beside it is imported, the bad one named with its field', async () => {
    session.actor = w.admin;
    const record = (externalId: string, subject: string) => ({
      external_id: externalId,
      subject,
      customer: { email: 'imported@example.com' },
      created_at: '2025-01-02T10:00:00Z',
      created_by: 'customer',
      channel: 'email',
      events: [{ type: 'message', at: '2025-01-02T10:00:00Z', author: 'customer', body: 'Hello' }],
    });
    const before = await databaseChecksum(w.handle.db);
    const response = await importTickets(
      new Request('http://localhost/api/v1/import/tickets', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'Idempotency-Key': 'import-nul-1' },
        body: JSON.stringify({ tickets: [record('GOOD-1', 'Fine'), record('BAD\u0000-2', 'Also fine'), record('BAD-3', 'Broken\u0000subject')] }),
      }),
      noParams,
    );
    const result = (await response.json()) as { imported: number; failed: { index: number; external_id: string | null; error: string }[]; ids: Record<string, number> };
    expect(response.status).toBe(200);
    expect(result.imported).toBe(1);
    expect(result.failed.map((f) => [f.index, f.external_id, f.error.split(':')[0]])).toEqual([
      [1, null, 'external_id'],
      [2, 'BAD-3', 'subject'],
    ]);
    const [imported] = await w.handle.db.select({ subject: tickets.subject }).from(tickets).where(eq(tickets.id, result.ids['GOOD-1']));
    expect(imported.subject).toBe('Fine');
    expect(changedTables(before, await databaseChecksum(w.handle.db))).toContain('tickets');
  });
});
