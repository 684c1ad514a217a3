import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { csatRatings, customers, messages, tickets } from '@/db/schema';
import { IDEMPOTENCY_FIELD } from '@/lib/validation/idempotency';
import { signUpAction } from '@/server/actions/portal-account';
import { guestReplyAction, portalReplyAction, rateRequestAction, submitRequestAction } from '@/server/actions/portal';
import { agentMessageAction } from '@/server/actions/tickets';
import { issuePortalToken } from '@/server/services/portal-tokens';
import { changeStatus } from '@/server/services/ticket-fields';
import { createTicket } from '@/server/services/tickets-create';
import { createTestDb, describeDb, type TestDbHandle } from '../helpers/db';
import { seedPeople } from '../fixtures';
import { session } from './session-mock';

vi.mock('@/server/auth/session', async (importOriginal) => (await import('./session-mock')).mockSession(importOriginal));
vi.mock('next/headers', async () => (await import('./session-mock')).mockHeaders());
vi.mock('next/cache', async () => (await import('./session-mock')).mockCache());

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};

describe(`creating server actions post once per submission key (${describeDb})`, () => {
  let handle: TestDbHandle;
  let people: Awaited<ReturnType<typeof seedPeople>>;
  let ticket: Awaited<ReturnType<typeof createTicket>>;
  beforeAll(async () => {
    handle = await createTestDb();
    (globalThis as { __touchpointDb?: Promise<TestDbHandle> }).__touchpointDb = Promise.resolve(handle);
    people = await seedPeople(handle.db);
    ticket = await createTicket(handle.db, { subject: 'Double clicks', body: 'Hi', customerId: people.alice.id, createdByKind: 'customer', channel: 'portal' });
  });
  afterAll(() => handle.close());
  beforeEach(() => {
    session.actor = null;
  });

  const countOf = async (body: string) => (await handle.db.select({ id: messages.id }).from(messages).where(eq(messages.body, body))).length;
  const asAgent = () => (session.actor = { kind: 'staff', id: people.agent.id, role: 'agent', teamId: null, name: 'Agnes', email: 'agent@touchpoint.test' });

  it('an agent reply sent twice with one key (a double click) posts once and answers the same both times', async () => {
    asAgent();
    const fields = { ticketId: String(ticket.id), visibility: 'public', body: 'Clicked twice', [IDEMPOTENCY_FIELD]: 'sub-1' };
    const [first, second] = await Promise.all([agentMessageAction(form(fields)), agentMessageAction(form(fields))]);
    expect(first).toMatchObject({ ok: true });
    expect(second).toEqual(first);
    const third = await agentMessageAction(form(fields)); // the resend after a network error
    expect(third).toEqual(first);
    expect(await countOf('Clicked twice')).toBe(1);
  });

  it('a new key is a new submission; no key behaves as before', async () => {
    asAgent();
    const fields = { ticketId: String(ticket.id), visibility: 'internal', body: 'Noted' };
    await agentMessageAction(form({ ...fields, [IDEMPOTENCY_FIELD]: 'sub-2' }));
    await agentMessageAction(form({ ...fields, [IDEMPOTENCY_FIELD]: 'sub-3' }));
    await agentMessageAction(form(fields));
    expect(await countOf('Noted')).toBe(3);
  });

  it('the same key with edited content is refused with a message to reload; a bad key is a clear error', async () => {
    asAgent();
    await agentMessageAction(form({ ticketId: String(ticket.id), visibility: 'internal', body: 'Before edit', [IDEMPOTENCY_FIELD]: 'sub-4' }));
    const edited = await agentMessageAction(form({ ticketId: String(ticket.id), visibility: 'internal', body: 'After edit', [IDEMPOTENCY_FIELD]: 'sub-4' }));
    expect(edited).toEqual({ ok: false, code: 'idempotency_key_reused', message: expect.stringContaining('Reload the page') });
    const bad = await agentMessageAction(form({ ticketId: String(ticket.id), visibility: 'internal', body: 'Bad key', [IDEMPOTENCY_FIELD]: 'bad\u0007key' }));
    expect(bad).toMatchObject({ ok: false, code: 'invalid', message: expect.stringContaining('control characters') });
    expect(await countOf('After edit')).toBe(0);
    expect(await countOf('Bad key')).toBe(0);
  });

  it('a staff key and a customer key never share a response', async () => {
    asAgent();
    await agentMessageAction(form({ ticketId: String(ticket.id), visibility: 'internal', body: 'Same key, staff', [IDEMPOTENCY_FIELD]: 'sub-shared' }));
    session.actor = { kind: 'customer', id: people.alice.id, name: 'Alice', email: 'alice@example.com', emailVerified: true };
    const reply = await portalReplyAction(form({ ticketKey: ticket.publicKey, body: 'Same key, customer', [IDEMPOTENCY_FIELD]: 'sub-shared' }));
    expect(reply).toEqual({ ok: true, data: { publicKey: ticket.publicKey, followUp: false } });
    expect(await countOf('Same key, customer')).toBe(1);
  });

  it('portal reply and guest reply: one post per key', async () => {
    session.actor = { kind: 'customer', id: people.alice.id, name: 'Alice', email: 'alice@example.com', emailVerified: true };
    const account = { ticketKey: ticket.publicKey, body: 'Customer says once', [IDEMPOTENCY_FIELD]: 'sub-5' };
    expect(await portalReplyAction(form(account))).toEqual(await portalReplyAction(form(account)));
    expect(await countOf('Customer says once')).toBe(1);

    session.actor = null;
    const token = await issuePortalToken(handle.db, { kind: 'guest_access', customerId: people.alice.id, ticketId: ticket.id });
    const guest = { token, body: 'Guest says once', [IDEMPOTENCY_FIELD]: 'sub-6' };
    expect(await guestReplyAction(form(guest))).toEqual({ ok: true, data: { followUpLink: null } });
    expect(await guestReplyAction(form(guest))).toEqual({ ok: true, data: { followUpLink: null } });
    expect(await countOf('Guest says once')).toBe(1);
  });

  it('a guest request resent with its key shows the same tracking link and creates one request', async () => {
    const fields = { email: 'resend@example.com', subject: 'Resent', body: 'Sent after a timeout.', [IDEMPOTENCY_FIELD]: 'sub-7' };
    const first = await submitRequestAction(form(fields));
    expect(first).toMatchObject({ ok: true, data: { trackingLink: expect.stringContaining('/portal/track/') } });
    expect(await submitRequestAction(form(fields))).toEqual(first);
    const rows = await handle.db.select({ id: tickets.id }).from(tickets).innerJoin(customers, eq(customers.id, tickets.customerId)).where(eq(customers.email, 'resend@example.com'));
    expect(rows).toHaveLength(1);
  });

  it('sign-up resent with its key answers "created" again, not "already exists"', async () => {
    const fields = { name: 'Rae', email: 'rae@example.com', password: 'long-password', [IDEMPOTENCY_FIELD]: 'sub-8' };
    expect(await signUpAction(form(fields))).toEqual({ ok: true, data: { email: 'rae@example.com' } });
    expect(await signUpAction(form(fields))).toEqual({ ok: true, data: { email: 'rae@example.com' } });
    expect(await signUpAction(form({ ...fields, [IDEMPOTENCY_FIELD]: 'sub-9' }))).toMatchObject({ ok: false, code: 'conflict' });
  });

  it('a rating sent twice with one key is recorded once', async () => {
    const solved = await createTicket(handle.db, { subject: 'Rate me', body: 'Hi', customerId: people.bob.id, createdByKind: 'customer', channel: 'portal' });
    await changeStatus(handle.db, { ticketId: solved.id, status: 'solved', version: solved.version, actor: { kind: 'agent', userId: people.agent.id } });
    session.actor = { kind: 'customer', id: people.bob.id, name: 'Bob', email: 'bob@example.com', emailVerified: true };
    const fields = { ticketKey: solved.publicKey, score: '5', comment: 'Quick', [IDEMPOTENCY_FIELD]: 'sub-10' };
    expect(await rateRequestAction(form(fields))).toEqual({ ok: true, data: { score: 5 } });
    expect(await rateRequestAction(form(fields))).toEqual({ ok: true, data: { score: 5 } });
    expect(await handle.db.select().from(csatRatings).where(eq(csatRatings.ticketId, solved.id))).toHaveLength(1);
  });
});
