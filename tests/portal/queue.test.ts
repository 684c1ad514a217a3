import type PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '@/db/client';
import { QUEUES } from '@/db/queue-schema';
import { deliverMail } from '@/server/mail/deliver';
import { enqueueMail } from '@/server/mail/enqueue';
import { workQueueOnce } from '@/server/jobs/worker';
import { addMessage } from '@/server/services/ticket-messages';
import { changeStatus } from '@/server/services/ticket-fields';
import { createTicket } from '@/server/services/tickets-create';
import { createTestDb, describeDb, type TestDbHandle } from '../helpers/db';
import { seedPeople } from '../fixtures';
import { outbox, sentMail, stopBoss, testBoss } from './jobs-helpers';

describe(`job queue and mail (${describeDb})`, () => {
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

  async function ticket() {
    return createTicket(handle.db, { subject: 'Parcel late', body: 'Where is it?', customerId: people.alice.id, createdByKind: 'customer', channel: 'portal' });
  }

  it('queues a mail for a public agent reply, never for an internal note, and the worker writes it to the outbox', async () => {
    const t = await ticket();
    await addMessage(handle.db, { ticketId: t.id, body: 'Internal: carrier is slow', authorKind: 'agent', authorUserId: people.agent.id, visibility: 'internal' });
    expect(await workQueueOnce(boss, handle.db)).toEqual({ completed: 0, failed: 0 });

    await addMessage(handle.db, { ticketId: t.id, body: 'It ships tomorrow.', authorKind: 'agent', authorUserId: people.agent.id, visibility: 'public' });
    expect((await outbox(handle)).length).toBe(0); // nothing is sent inside the request
    expect(await workQueueOnce(boss, handle.db)).toEqual({ completed: 1, failed: 0 });
    const [mail] = await outbox(handle);
    expect(mail).toMatchObject({ kind: 'agent_replied', toAddress: 'alice@example.com', subject: 'New reply to: Parcel late' });
    expect(mail.body).toContain('Agnes replied');
    expect(mail.body).toContain('It ships tomorrow.');
    expect(mail.body).not.toContain('carrier is slow');
  });

  it('a reply that solves sends one mail, the solved one with a rating link', async () => {
    const t = await ticket();
    const before = (await outbox(handle)).length;
    await addMessage(handle.db, { ticketId: t.id, body: 'Refunded.', authorKind: 'agent', authorUserId: people.agent.id, visibility: 'public', setStatus: 'solved' });
    await workQueueOnce(boss, handle.db);
    const mails = await outbox(handle);
    expect(mails.length).toBe(before + 1);
    expect(mails[0].kind).toBe('solved');
    // The customer's mail has the rating link; the outbox admins read says a link was sent, not which.
    expect(sentMail().find((m) => m.kind === 'solved')!.body).toMatch(/\/portal\/rate\/[A-Za-z0-9_-]{43}/);
    expect(mails[0].body).toContain('/portal/rate/[hidden]');
    expect(mails[0].body).not.toMatch(/\/portal\/rate\/[A-Za-z0-9_-]{20,}/);
    expect(mails[0].hiddenLinks).toBe(2); // Alice has no account: her request's link is a private tracking link too
    expect(mails[0].body).toContain('Refunded.');
  });

  it('seeded history (notify: false) queues nothing', async () => {
    const t = await ticket();
    await addMessage(handle.db, { ticketId: t.id, body: 'Old reply', authorKind: 'agent', authorUserId: people.agent.id, visibility: 'public', notify: false });
    await changeStatus(handle.db, { ticketId: t.id, status: 'solved', actor: { kind: 'system' }, notify: false });
    expect(await workQueueOnce(boss, handle.db)).toEqual({ completed: 0, failed: 0 });
  });

  it('a rolled-back change leaves no job behind', async () => {
    await expect(
      handle.db.transaction(async (tx) => {
        await enqueueMail(tx, 'x@example.com', { kind: 'password_reset', link: 'http://localhost/portal/reset/abc' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await workQueueOnce(boss, handle.db)).toEqual({ completed: 0, failed: 0 });
  });

  it('keeps links out of the queue table: the payload is sealed', async () => {
    const link = 'http://localhost/portal/reset/SECRET-token-value';
    await enqueueMail(handle.db, 'x@example.com', { kind: 'password_reset', link });
    const rows = rowsOf<{ data: unknown }>(await handle.db.execute(sql`select data from pgboss.job where name = ${QUEUES.mail.name} and state = 'created'`));
    expect(rows.length).toBe(1);
    expect(JSON.stringify(rows[0].data)).not.toContain('SECRET-token-value');
    await workQueueOnce(boss, handle.db);
    // Nor in the outbox, where admins could read it and take over the account: only the customer gets it.
    const [mail] = await outbox(handle);
    expect(mail.body).not.toContain('SECRET-token-value');
    expect(mail.body).toContain('http://localhost/portal/reset/[hidden]');
    expect(mail.hiddenLinks).toBe(1);
    expect(sentMail().find((m) => m.toAddress === 'x@example.com')!.body).toContain(link);
  });

  it('a failed delivery is retried by the queue, and a retried job never writes the mail twice', async () => {
    await enqueueMail(handle.db, 'y@example.com', { kind: 'email_verification', link: 'http://localhost/portal/verify/abc' });
    const [job] = await boss.fetch<never>(QUEUES.mail.name);
    await boss.fail(QUEUES.mail.name, job.id, { message: 'smtp down' });
    const [state] = rowsOf<{ state: string; due: boolean }>(
      await handle.db.execute(sql`select state, start_after > now() as due from pgboss.job where id = ${job.id}::uuid`),
    );
    expect(state).toEqual({ state: 'retry', due: true }); // back in the queue, after the retry delay
    // The same job delivered twice (a crash after the write, say) still leaves one outbox row.
    const data = rowsOf<{ data: never }>(await handle.db.execute(sql`select data from pgboss.job where id = ${job.id}::uuid`))[0].data;
    await deliverMail(handle.db, job.id, data);
    await deliverMail(handle.db, job.id, data);
    expect((await outbox(handle)).filter((m) => m.toAddress === 'y@example.com').length).toBe(1);
  });

  it('SMTP_URL sends through SMTP instead of the outbox, and a refused connection is a retryable failure', async () => {
    const job = { kind: 'password_reset' as const, to: 'z@example.com', sealed: (await import('@/server/mail/seal')).seal(JSON.stringify({ subject: 's', text: 't' })) };
    await expect(deliverMail(handle.db, 'smtp-job', job, { ...process.env, SMTP_URL: 'smtp://127.0.0.1:1' })).rejects.toThrow();
    expect((await outbox(handle)).some((m) => m.jobId === 'smtp-job')).toBe(false);
  });
});
