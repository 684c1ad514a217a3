import type PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { ticketEvents, tickets } from '@/db/schema';
import { workQueueOnce } from '@/server/jobs/worker';
import { portalRequestJson } from '@/server/http/portal-api';
import { getGuestTicket, getPortalTicket } from '@/server/queries/portal';
import { autoCloseSolvedTickets } from '@/server/services/auto-close';
import { enforceLimits } from '@/server/services/portal-limits';
import { guestTicketId, rateByToken, replyAsGuest, submitGuestRequest } from '@/server/services/portal-requests';
import { changeStatus, assignTicket, changePriority } from '@/server/services/ticket-fields';
import { addMessage } from '@/server/services/ticket-messages';
import { addTags } from '@/server/services/ticket-tags';
import { updateSettings } from '@/server/services/settings';
import { DEFAULT_SETTINGS } from '@/lib/validation/settings';
import { createTestDb, describeDb, type TestDbHandle } from '../helpers/db';
import { seedPeople } from '../fixtures';
import { linkIn, sentMail, stopBoss, testBoss, tokenOf } from './jobs-helpers';

const DAY = 24 * 3600_000;
const request = { subject: 'Wrong size', body: 'I got an XL.', journeyStage: null, touchpoint: null, reference: 'ORD-1' };

describe(`portal requests: guest links, isolation, rating, auto-close, limits (${describeDb})`, () => {
  let handle: TestDbHandle;
  let boss: PgBoss;
  let people: Awaited<ReturnType<typeof seedPeople>>;
  beforeAll(async () => {
    handle = await createTestDb();
    people = await seedPeople(handle.db);
    boss = await testBoss(handle);
  });
  afterAll(async () => {
    await stopBoss(boss);
    await handle.close();
  });

  const agentReply = (ticketId: number, body: string, setStatus?: 'solved') =>
    addMessage(handle.db, { ticketId, body, authorKind: 'agent', authorUserId: people.agent.id, visibility: 'public', setStatus });

  it('a guest link opens only its request, shows no staff-only data, and the mailed link is the one shown on screen', async () => {
    const { ticket, token } = await submitGuestRequest(handle.db, { ...request, email: 'guest1@example.com', name: 'Gus' });
    await workQueueOnce(boss, handle.db);
    const mail = sentMail().find((m) => m.toAddress === 'guest1@example.com')!;
    expect(tokenOf(linkIn(mail.body, '/portal/track/'))).toBe(token);

    await addMessage(handle.db, { ticketId: ticket.id, body: 'SECRET internal note', authorKind: 'agent', authorUserId: people.agent.id, visibility: 'internal' });
    await changePriority(handle.db, { ticketId: ticket.id, priority: 'urgent', actor: { kind: 'agent', userId: people.agent.id } });
    await assignTicket(handle.db, { ticketId: ticket.id, assigneeId: people.agent.id, actor: { kind: 'agent', userId: people.agent.id } });
    await addTags(handle.db, { ticketId: ticket.id, tagKeys: ['wrong_item'], actor: { kind: 'agent', userId: people.agent.id } });
    await agentReply(ticket.id, 'Sending the right size.');

    const { ticketId } = await guestTicketId(handle.db, token);
    const json = JSON.stringify(portalRequestJson((await getGuestTicket(handle.db, ticketId))!, `/api/portal/track/${token}/attachments`));
    expect(json).toContain('Sending the right size.');
    for (const hidden of ['SECRET internal note', 'urgent', 'wrong_item', 'Agnes Agent', 'guest1@example.com', '"id"', 'priority', 'assignee', 'team', 'sla']) {
      expect(json).not.toContain(hidden);
    }
    // Another customer's view of this request's key finds nothing.
    expect(await getPortalTicket(handle.db, { customerId: people.bob.id, verified: true }, ticket.publicKey)).toBeNull();
  });

  it('guessed, malformed and idle-for-30-days guest links are all not found; activity keeps a link alive', async () => {
    const { ticket, token } = await submitGuestRequest(handle.db, { ...request, email: 'guest2@example.com', name: null });
    for (const bad of ['A'.repeat(43), 'short', `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`, '../../etc']) {
      await expect(guestTicketId(handle.db, bad)).rejects.toMatchObject({ code: 'not_found' });
    }
    const created = ticket.createdAt.getTime();
    await expect(guestTicketId(handle.db, token, new Date(created + 29 * DAY))).resolves.toMatchObject({ ticketId: ticket.id });
    await expect(guestTicketId(handle.db, token, new Date(created + 31 * DAY))).rejects.toMatchObject({ code: 'not_found' });
    // A guest reply on day 20 restarts the 30 days.
    await replyAsGuest(handle.db, token, 'Any news?', new Date(created + 20 * DAY));
    await expect(guestTicketId(handle.db, token, new Date(created + 45 * DAY))).resolves.toMatchObject({ ticketId: ticket.id });
    await expect(guestTicketId(handle.db, token, new Date(created + 51 * DAY))).rejects.toMatchObject({ code: 'not_found' });
  });

  it('a guest reply to a solved request reopens it; to a closed one it opens a linked follow-up with its own link', async () => {
    const { ticket, token } = await submitGuestRequest(handle.db, { ...request, email: 'guest3@example.com', name: null });
    await agentReply(ticket.id, 'Fixed.', 'solved');
    await replyAsGuest(handle.db, token, 'Still broken.');
    const [reopened] = await handle.db.select().from(tickets).where(eq(tickets.id, ticket.id));
    expect(reopened).toMatchObject({ status: 'open', reopenCount: 1 });

    await changeStatus(handle.db, { ticketId: ticket.id, status: 'closed', actor: { kind: 'agent', userId: people.agent.id } });
    const { followUpToken } = await replyAsGuest(handle.db, token, 'It broke again.');
    expect(followUpToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const followUp = await guestTicketId(handle.db, followUpToken!);
    const [row] = await handle.db.select().from(tickets).where(eq(tickets.id, followUp.ticketId));
    expect(row).toMatchObject({ followUpOfId: ticket.id, status: 'new', createdByKind: 'customer' });
  });

  it('the mailed rating link rates a solved request, each use replaces the rating, and it dies when the request closes', async () => {
    const { ticket } = await submitGuestRequest(handle.db, { ...request, email: 'guest4@example.com', name: null });
    await agentReply(ticket.id, 'Done.', 'solved');
    await workQueueOnce(boss, handle.db);
    const solvedMail = sentMail().find((m) => m.toAddress === 'guest4@example.com' && m.kind === 'solved')!;
    const token = tokenOf(linkIn(solvedMail.body, '/portal/rate/'));

    await rateByToken(handle.db, token, { score: 2, comment: 'slow' });
    await rateByToken(handle.db, token, { score: 5, comment: 'actually great' });
    const [rated] = await handle.db.select().from(tickets).where(eq(tickets.id, ticket.id));
    expect(rated.latestCsatScore).toBe(5);
    const view = await getGuestTicket(handle.db, ticket.id);
    expect(view?.rating).toEqual({ score: 5, comment: 'actually great' });

    await changeStatus(handle.db, { ticketId: ticket.id, status: 'closed', actor: { kind: 'system' } });
    await expect(rateByToken(handle.db, token, { score: 1, comment: '' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('auto-close closes solved tickets after autoCloseDays without public activity, through the status service', async () => {
    await updateSettings(handle.db, { autoCloseDays: 4 });
    const { ticket: stale } = await submitGuestRequest(handle.db, { ...request, email: 'guest5@example.com', name: null });
    const { ticket: fresh } = await submitGuestRequest(handle.db, { ...request, email: 'guest6@example.com', name: null });
    const solvedAt = new Date(Date.now() + DAY);
    for (const t of [stale, fresh]) {
      await addMessage(handle.db, { ticketId: t.id, body: 'Solved', authorKind: 'agent', authorUserId: people.agent.id, visibility: 'public', setStatus: 'solved', at: solvedAt });
    }
    // A public reply two days later restarts the clock of `fresh`.
    await addMessage(handle.db, { ticketId: fresh.id, body: 'One more tip', authorKind: 'agent', authorUserId: people.agent.id, visibility: 'public', at: new Date(solvedAt.getTime() + 2 * DAY) });
    const [before] = await handle.db.select().from(tickets).where(eq(tickets.id, stale.id));

    expect(await autoCloseSolvedTickets(handle.db, new Date(solvedAt.getTime() + 4 * DAY - 60_000))).toBe(0);
    expect(await autoCloseSolvedTickets(handle.db, new Date(solvedAt.getTime() + 4 * DAY))).toBe(1);
    const [after] = await handle.db.select().from(tickets).where(eq(tickets.id, stale.id));
    expect(after.status).toBe('closed');
    expect(after.firstSolvedAt).toEqual(before.firstSolvedAt);
    expect(after.lastSolvedAt).toEqual(before.lastSolvedAt);
    const events = await handle.db.select().from(ticketEvents).where(and(eq(ticketEvents.ticketId, stale.id), eq(ticketEvents.type, 'status')));
    expect(events.at(-1)).toMatchObject({ actorKind: 'system', data: { from: 'solved', to: 'closed' } });
    const [stillSolved] = await handle.db.select().from(tickets).where(eq(tickets.id, fresh.id));
    expect(stillSolved.status).toBe('solved');
    expect(await autoCloseSolvedTickets(handle.db, new Date(solvedAt.getTime() + 6 * DAY))).toBe(1);
  });

  it('the auto-close job on the queue works with the clock passed in', async () => {
    const { ticket } = await submitGuestRequest(handle.db, { ...request, email: 'guest7@example.com', name: null });
    await agentReply(ticket.id, 'Done', 'solved');
    await boss.send('auto-close', {});
    const pass = await workQueueOnce(boss, handle.db, () => new Date(Date.now() + 5 * DAY));
    expect(pass.failed).toBe(0);
    const [row] = await handle.db.select().from(tickets).where(eq(tickets.id, ticket.id));
    expect(row.status).toBe('closed');
  });

  it('submissions past the limit are refused with the seconds to wait, from settings', async () => {
    await updateSettings(handle.db, { rateLimits: { ...DEFAULT_SETTINGS.rateLimits, submitPerCustomer: { limit: 5, windowSeconds: 60 } } });
    const t0 = new Date('2030-01-01T00:00:00Z');
    const submit = (i: number) => enforceLimits(handle.db, 'requests', [{ key: 'submit:email:limit@example.com', limit: 'submitPerCustomer' }], new Date(t0.getTime() + i * 1000));
    for (let i = 0; i < 5; i++) await submit(i);
    await expect(submit(5)).rejects.toMatchObject({ code: 'rate_limited', details: { retryAfterSeconds: 55 }, message: expect.stringContaining('Please wait 55 seconds') });
  });
});
