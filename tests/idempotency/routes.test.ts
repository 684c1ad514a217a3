import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { attachments, customers, messages, tickets } from '@/db/schema';
import { POST as importTicketsRoute } from '@/app/api/v1/import/tickets/route';
import { POST as postMessage } from '@/app/api/v1/tickets/[id]/messages/route';
import { POST as portalSubmit } from '@/app/api/portal/requests/route';
import { POST as portalSignUp } from '@/app/api/portal/signup/route';
import { createApiToken } from '@/server/services/api-tokens';
import { createStaffUser } from '@/server/services/staff';
import { createTicket } from '@/server/services/tickets-create';
import { createTestDb, describeDb, type TestDbHandle } from '../helpers/db';
import { seedPeople } from '../fixtures';
import { session } from './session-mock';
import { PEER_HEADER, peerHeaderValue } from '@/server/http/peer-address';

vi.mock('@/server/auth/session', async (importOriginal) => (await import('./session-mock')).mockSession(importOriginal));

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

describe(`Idempotency-Key on the creating API routes (${describeDb})`, () => {
  let handle: TestDbHandle;
  let people: Awaited<ReturnType<typeof seedPeople>>;
  let agentToken: string;
  let otherToken: string;
  let adminToken: string;
  let ticketId: number;
  let attachmentsDir: string;
  beforeAll(async () => {
    attachmentsDir = mkdtempSync(path.join(tmpdir(), 'tp-idem-'));
    process.env.TP_ATTACHMENTS_DIR = attachmentsDir;
    handle = await createTestDb();
    (globalThis as { __touchpointDb?: Promise<TestDbHandle> }).__touchpointDb = Promise.resolve(handle);
    people = await seedPeople(handle.db);
    await createStaffUser(handle.db, { email: 'other@touchpoint.test', name: 'Otto Other', role: 'agent', team: 'Support', password: 'password123' });
    await createStaffUser(handle.db, { email: 'admin@touchpoint.test', name: 'Ada Admin', role: 'admin', team: 'Support', password: 'password123' });
    agentToken = (await createApiToken(handle.db, { email: 'agent@touchpoint.test' })).token;
    otherToken = (await createApiToken(handle.db, { email: 'other@touchpoint.test' })).token;
    adminToken = (await createApiToken(handle.db, { email: 'admin@touchpoint.test' })).token;
    ticketId = (await createTicket(handle.db, { subject: 'Retries', body: 'Hi', customerId: people.alice.id, createdByKind: 'customer', channel: 'chat' })).id;
  });
  afterAll(async () => {
    await handle.close();
    rmSync(attachmentsDir, { recursive: true, force: true });
  });

  const params = <T,>(value: T) => ({ params: Promise.resolve(value) });
  const send = (token: string, body: unknown, key?: string) =>
    postMessage(
      new Request(`http://localhost/api/v1/tickets/${ticketId}/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(key === undefined ? {} : { 'Idempotency-Key': key }) },
        body: JSON.stringify(body),
      }),
      params({ id: String(ticketId) }),
    );
  const countOf = async (body: string) => (await handle.db.select({ id: messages.id }).from(messages).where(eq(messages.body, body))).length;

  it('a retry gets the first 201 and body back, marked Idempotent-Replayed, and posts nothing', async () => {
    const body = { body: 'Posted once', visibility: 'public' };
    const first = await send(agentToken, body, 'reply-1');
    expect(first.status).toBe(201);
    expect(first.headers.get('Idempotent-Replayed')).toBeNull();
    const firstJson = await first.json();
    const retry = await send(agentToken, { visibility: 'public', body: 'Posted once' }, 'reply-1');
    expect(retry.status).toBe(201);
    expect(retry.headers.get('Idempotent-Replayed')).toBe('true');
    expect(await retry.json()).toEqual(firstJson);
    expect(await countOf('Posted once')).toBe(1);
  });

  it('without a key, every POST posts (as before)', async () => {
    await send(agentToken, { body: 'No key', visibility: 'internal' });
    await send(agentToken, { body: 'No key', visibility: 'internal' });
    expect(await countOf('No key')).toBe(2);
  });

  it('the same key with another body is a 422 with a clear message', async () => {
    await send(agentToken, { body: 'First body', visibility: 'internal' }, 'reply-2');
    const other = await send(agentToken, { body: 'Second body', visibility: 'internal' }, 'reply-2');
    expect(other.status).toBe(422);
    expect(await other.json()).toEqual({ error: { code: 'idempotency_key_reused', message: expect.stringContaining('already used with a different body') } });
    expect(await countOf('Second body')).toBe(0);
  });

  it('a malformed key is a 400 and posts nothing', async () => {
    for (const key of ['', 'k'.repeat(256)]) {
      const response = await send(agentToken, { body: 'Bad key', visibility: 'internal' }, key);
      expect(response.status).toBe(400);
      expect((await response.json()).error.message).toMatch(/Idempotency-Key/);
    }
    expect(await countOf('Bad key')).toBe(0);
  });

  it('two users with the same key each post, and never get the other\'s response', async () => {
    const body = { body: 'Shared key', visibility: 'internal' };
    const mine = await (await send(agentToken, body, 'shared-key')).json();
    const response = await send(otherToken, body, 'shared-key');
    expect(response.headers.get('Idempotent-Replayed')).toBeNull();
    expect((await response.json()).message_id).not.toBe(mine.message_id);
    expect(await countOf('Shared key')).toBe(2);
  });

  it('concurrent duplicates post once', async () => {
    const responses = await Promise.all(Array.from({ length: 6 }, () => send(agentToken, { body: 'Raced', visibility: 'internal' }, 'raced')));
    expect(responses.map((r) => r.status)).toEqual(Array(6).fill(201));
    const bodies = await Promise.all(responses.map(async (r) => JSON.stringify(await r.json())));
    expect(new Set(bodies).size).toBe(1);
    expect(await countOf('Raced')).toBe(1);
  });

  it('multipart: the same files are the same body; another file is a 422', async () => {
    const multipart = (bytes: Uint8Array<ArrayBuffer>) => {
      const form = new FormData();
      form.set('body', 'With a photo');
      form.set('visibility', 'internal');
      form.append('attachments', new File([bytes], 'photo.png', { type: 'image/png' }));
      return postMessage(
        new Request(`http://localhost/api/v1/tickets/${ticketId}/messages`, { method: 'POST', headers: { authorization: `Bearer ${agentToken}`, 'Idempotency-Key': 'upload-1' }, body: form }),
        params({ id: String(ticketId) }),
      );
    };
    expect((await multipart(PNG)).status).toBe(201);
    const retry = await multipart(PNG);
    expect(retry.headers.get('Idempotent-Replayed')).toBe('true');
    expect((await multipart(new Uint8Array([...PNG, 9]))).status).toBe(422);
    const [message] = await handle.db.select({ id: messages.id }).from(messages).where(eq(messages.body, 'With a photo'));
    expect(await handle.db.select().from(attachments).where(eq(attachments.messageId, message.id))).toHaveLength(1);
    expect(await countOf('With a photo')).toBe(1);
  });

  it('import: a retried batch is answered from the first run and imports nothing again', async () => {
    const record = {
      external_id: 'IDEM-1',
      subject: 'Imported once',
      customer: { email: 'imported@example.com', name: 'Imp' },
      created_at: '2026-01-05T10:00:00Z',
      created_by: 'customer',
      channel: 'email',
      priority: 'normal',
      events: [{ type: 'message', at: '2026-01-05T10:00:00Z', author: 'customer', visibility: 'public', body: 'Where is it?' }],
    };
    const post = () =>
      importTicketsRoute(
        new Request('http://localhost/api/v1/import/tickets', { method: 'POST', headers: { authorization: `Bearer ${adminToken}`, 'Idempotency-Key': 'import-1' }, body: JSON.stringify({ tickets: [record] }) }),
        params({}),
      );
    const first = await post();
    expect(await first.json()).toMatchObject({ imported: 1, skipped: 0 });
    const retry = await post();
    expect(retry.headers.get('Idempotent-Replayed')).toBe('true');
    expect(await retry.json()).toMatchObject({ imported: 1, skipped: 0 }); // the first answer, not "skipped: 1"
    expect(await handle.db.select().from(tickets).where(eq(tickets.externalId, 'IDEM-1'))).toHaveLength(1);
  });

  describe('portal', () => {
    const request = { subject: 'Broken lid', body: 'It arrived cracked.', email: 'guest-idem@example.com' };
    const submit = (key: string, ip: string, body: unknown = request) =>
      portalSubmit(new Request('http://localhost/api/portal/requests', { method: 'POST', headers: { 'Idempotency-Key': key, [PEER_HEADER]: peerHeaderValue(ip) }, body: JSON.stringify(body) }), params({}));
    const guestTickets = async () =>
      (await handle.db.select({ id: tickets.id }).from(tickets).innerJoin(customers, eq(customers.id, tickets.customerId)).where(eq(customers.email, request.email))).length;

    it('a guest retry gets the same tracking link; another IP with the same key gets its own request, not that link', async () => {
      session.actor = null;
      const first = await submit('guest-1', '10.5.0.1');
      expect(first.status).toBe(201);
      const firstJson = await first.json();
      const retry = await submit('guest-1', '10.5.0.1');
      expect(retry.headers.get('Idempotent-Replayed')).toBe('true');
      expect(await retry.json()).toEqual(firstJson);
      expect(await guestTickets()).toBe(1);
      const elsewhere = await submit('guest-1', '10.5.0.2');
      expect(elsewhere.headers.get('Idempotent-Replayed')).toBeNull();
      expect((await elsewhere.json()).tracking_link).not.toBe(firstJson.tracking_link);
      expect(await guestTickets()).toBe(2);
    });

    it('a signed-in customer\'s keys are theirs alone', async () => {
      session.actor = { kind: 'customer', id: people.alice.id, name: 'Alice', email: 'alice@example.com', emailVerified: true };
      const body = { subject: 'Account request', body: 'Hello' };
      const first = await (await submit('acct-1', '10.5.0.3', body)).json();
      expect((await submit('acct-1', '10.5.0.3', body)).headers.get('Idempotent-Replayed')).toBe('true');
      session.actor = { kind: 'customer', id: people.bob.id, name: 'Bob', email: 'bob@example.com', emailVerified: true };
      const bobs = await submit('acct-1', '10.5.0.3', body);
      expect(bobs.headers.get('Idempotent-Replayed')).toBeNull();
      expect((await bobs.json()).key).not.toBe(first.key);
      session.actor = null;
    });

    it('sign-up: a retry is the same 201, not "already exists"', async () => {
      const signUp = () =>
        portalSignUp(
          new Request('http://localhost/api/portal/signup', { method: 'POST', headers: { 'Idempotency-Key': 'signup-1', [PEER_HEADER]: peerHeaderValue('10.5.0.4') }, body: JSON.stringify({ name: 'Sam', email: 'sam-idem@example.com', password: 'long-password' }) }),
          params({}),
        );
      expect((await signUp()).status).toBe(201);
      const retry = await signUp();
      expect(retry.status).toBe(201);
      expect(retry.headers.get('Idempotent-Replayed')).toBe('true');
      expect(await handle.db.select().from(customers).where(eq(customers.email, 'sam-idem@example.com'))).toHaveLength(1);
    });
  });
});
