import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { idempotencyKeys, messages } from '@/db/schema';
import { ServiceError } from '@/lib/errors';
import { idempotencyKeyOf, parseIdempotencyKey } from '@/server/http/idempotency';
import { IDEMPOTENCY_TTL_MS, purgeExpiredKeys, requestHashOf, runIdempotent, type IdempotentRequest } from '@/server/services/idempotency';
import { addMessage } from '@/server/services/ticket-messages';
import { createTicket } from '@/server/services/tickets-create';
import { createTestDb, describeDb, type TestDbHandle } from '../helpers/db';
import { seedPeople } from '../fixtures';

describe(`Idempotency-Key: one write per key (${describeDb})`, () => {
  let handle: TestDbHandle;
  let people: Awaited<ReturnType<typeof seedPeople>>;
  let ticketId: number;
  let n = 0;
  beforeAll(async () => {
    handle = await createTestDb();
    people = await seedPeople(handle.db);
    ticketId = (await createTicket(handle.db, { subject: 'Retries', body: 'Hi', customerId: people.alice.id, createdByKind: 'customer', channel: 'chat' })).id;
  });
  afterAll(() => handle.close());

  const ENDPOINT = 'POST /api/v1/tickets/1/messages';
  const request = (key: string, body: unknown = { body: 'Hello' }, scope = 'staff:1', endpoint = ENDPOINT): IdempotentRequest => ({
    scope,
    key,
    endpoint,
    requestHash: requestHashOf(endpoint, body),
  });
  const reply = (text: string) => async (db: Db) => {
    const { messageId } = await addMessage(db, { ticketId, body: text, authorKind: 'agent', authorUserId: people.agent.id, visibility: 'public' });
    return { status: 201, body: { message_id: messageId } };
  };
  const countOf = async (text: string) => (await handle.db.select({ id: messages.id }).from(messages).where(eq(messages.body, text))).length;
  const fresh = () => `key-${++n}`;

  it('a retry with the same key and body gets the first response and writes nothing', async () => {
    const key = fresh();
    const first = await runIdempotent(handle.db, request(key), reply('once'));
    expect(first).toMatchObject({ replayed: false, response: { status: 201, body: { message_id: expect.any(Number) } } });
    const again = await runIdempotent(handle.db, request(key), reply('once'));
    expect(again).toEqual({ replayed: true, response: first.response });
    expect(await countOf('once')).toBe(1);
  });

  it('the same JSON with its keys in another order is the same body', () => {
    expect(requestHashOf(ENDPOINT, { a: 1, b: { c: 2, d: 3 } })).toBe(requestHashOf(ENDPOINT, { b: { d: 3, c: 2 }, a: 1 }));
    expect(requestHashOf(ENDPOINT, { a: 1 })).not.toBe(requestHashOf('POST /other', { a: 1 }));
  });

  it('the same key with another body, or on another endpoint, is a 422 and writes nothing', async () => {
    const key = fresh();
    await runIdempotent(handle.db, request(key, { body: 'first' }), reply('mismatch-1'));
    const otherBody = runIdempotent(handle.db, request(key, { body: 'second' }), reply('mismatch-2'));
    await expect(otherBody).rejects.toMatchObject({ code: 'idempotency_key_reused', message: expect.stringContaining('with a different body') });
    const otherEndpoint = runIdempotent(handle.db, request(key, { body: 'first' }, 'staff:1', 'POST /api/v1/import/tickets'), reply('mismatch-3'));
    await expect(otherEndpoint).rejects.toMatchObject({ code: 'idempotency_key_reused', message: expect.stringContaining(`(${ENDPOINT})`) });
    expect(await countOf('mismatch-2')).toBe(0);
    expect(await countOf('mismatch-3')).toBe(0);
  });

  it('callers with the same key never see each other\'s responses', async () => {
    const key = fresh();
    const mine = await runIdempotent(handle.db, request(key, { body: 'x' }, 'staff:1'), reply('scoped-1'));
    const theirs = await runIdempotent(handle.db, request(key, { body: 'x' }, 'staff:2'), reply('scoped-2'));
    expect(theirs.replayed).toBe(false);
    expect(theirs.response.body).not.toEqual(mine.response.body);
    expect(await countOf('scoped-1')).toBe(1);
    expect(await countOf('scoped-2')).toBe(1);
  });

  it('a write that fails keeps no key: the retry writes', async () => {
    const key = fresh();
    const failing = runIdempotent(handle.db, request(key), async (db) => {
      await reply('rolled-back')(db);
      throw new ServiceError('conflict', 'boom');
    });
    await expect(failing).rejects.toMatchObject({ code: 'conflict' });
    expect(await countOf('rolled-back')).toBe(0);
    expect(await runIdempotent(handle.db, request(key), reply('after-failure'))).toMatchObject({ replayed: false });
    expect(await countOf('after-failure')).toBe(1);
  });

  it('a key is kept for 24 hours; after that it is a new key, and expired keys are purged', async () => {
    const key = fresh();
    const t0 = new Date();
    await runIdempotent(handle.db, request(key), reply('day-1'), { now: t0 });
    const within = await runIdempotent(handle.db, request(key, { body: 'changed' }), reply('day-1b'), { now: new Date(t0.getTime() + IDEMPOTENCY_TTL_MS - 1000) }).catch((e: unknown) => e);
    expect(within).toMatchObject({ code: 'idempotency_key_reused' });
    const later = new Date(t0.getTime() + IDEMPOTENCY_TTL_MS + 1000);
    const reused = await runIdempotent(handle.db, request(key, { body: 'changed' }), reply('day-2'), { now: later });
    expect(reused.replayed).toBe(false);
    expect(await countOf('day-2')).toBe(1);
    expect(await runIdempotent(handle.db, request(key, { body: 'changed' }), reply('day-2'), { now: later })).toMatchObject({ replayed: true, response: reused.response });

    const stale = fresh();
    await runIdempotent(handle.db, request(stale), reply('stale'), { now: t0 });
    expect(await purgeExpiredKeys(handle.db, later)).toBeGreaterThanOrEqual(1);
    expect(await handle.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, stale))).toEqual([]);
  });

  it('beforeWrite (the rate limits) runs for a first request, never for a replay', async () => {
    const key = fresh();
    let limited = 0;
    const beforeWrite = async () => void (limited += 1);
    await runIdempotent(handle.db, request(key), reply('limited'), { beforeWrite });
    await runIdempotent(handle.db, request(key), reply('limited'), { beforeWrite });
    expect(limited).toBe(1);
  });

  // On Postgres these are ten connections racing; the first holds its transaction open a while, so the others
  // arrive while its key row is uncommitted and must wait on it. PGlite serializes them: it proves the counts.
  it('ten concurrent duplicates write once and all get the same answer', async () => {
    const key = fresh();
    const slowReply = async (db: Db) => {
      const response = await reply('concurrent')(db);
      await db.execute(sql`select pg_sleep(0.3)`);
      return response;
    };
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => runIdempotent(handle.db, request(key), slowReply)));
    expect(await countOf('concurrent')).toBe(1);
    expect(outcomes.filter((o) => !o.replayed)).toHaveLength(1);
    expect(new Set(outcomes.map((o) => JSON.stringify(o.response))).size).toBe(1);
  });

  it('malformed keys are a 400 with a clear message', () => {
    expect(() => parseIdempotencyKey('')).toThrow(/empty/);
    expect(() => parseIdempotencyKey('k'.repeat(256))).toThrow(/longer than 255/);
    expect(() => parseIdempotencyKey('bad\u0001key')).toThrow(/control characters/);
    expect(() => parseIdempotencyKey('bad\nkey')).toThrow(ServiceError);
    expect(parseIdempotencyKey('k'.repeat(255))).toHaveLength(255);
    const headerOf = (value: string) => idempotencyKeyOf(new Request('http://x/', { headers: { 'Idempotency-Key': value } }));
    expect(() => headerOf('')).toThrow(expect.objectContaining({ code: 'invalid' }));
    expect(headerOf('0b8f4a1c-uuid')).toBe('0b8f4a1c-uuid');
    expect(idempotencyKeyOf(new Request('http://x/'))).toBeNull();
  });
});
