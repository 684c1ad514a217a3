import type PgBoss from 'pg-boss';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startJobWorker } from '@/server/jobs/worker';
import { closeMailTransports } from '@/server/mail/transport';
import { createTestDb, describeDb, type TestDbHandle } from '../helpers/db';
import { addresses, enqueueMails, mailJobs } from './jobs';
import { startSmtpSink, waitFor, type SmtpSink } from './smtp-sink';

const CONCURRENCY = 4;

/**
 * The real worker (startJobWorker: pg-boss polling, batches, the pooled SMTP transport) delivering into a
 * real SMTP server on a local port.
 */
describe(`mail worker: batches into a real SMTP server (${describeDb})`, () => {
  let handle: TestDbHandle;
  let sink: SmtpSink | undefined;
  let boss: PgBoss | undefined;
  const saved = { ...process.env };

  beforeAll(async () => {
    handle = await createTestDb();
    Object.assign(process.env, { TP_MAIL_CONCURRENCY: String(CONCURRENCY), TP_MAIL_BATCH_SIZE: '10', TP_JOB_POLL_SECONDS: '0.5' });
  });
  afterEach(async () => {
    await boss?.stop({ graceful: true, wait: true, timeout: 5000 });
    closeMailTransports();
    await sink?.close();
    boss = undefined;
    sink = undefined;
    await handle.db.execute(sql`delete from pgboss.job where name = 'send-mail'`);
  });
  afterAll(async () => {
    process.env = saved;
    await handle.close();
  });

  async function startWorkerInto(s: SmtpSink) {
    process.env.SMTP_URL = s.url;
    boss = await startJobWorker(handle);
  }

  it('sends several mails at once over a few reused connections, each mail exactly once', async () => {
    sink = await startSmtpSink({ dataDelayMs: 150 });
    const to = addresses('batch', 24);
    await enqueueMails(handle, to);
    await startWorkerInto(sink);
    await waitFor('24 mails', () => sink!.received.length >= 24);
    await waitFor('every job completed', async () => (await mailJobs(handle)).every((j) => j.state === 'completed'));

    expect(sink.received.map((m) => m.to).sort()).toEqual([...to].sort());
    expect(sink.maxInFlight).toBeGreaterThan(1); // concurrent, not one after the other
    expect(sink.maxInFlight).toBeLessThanOrEqual(CONCURRENCY); // and bounded
    expect(sink.sessions).toBeLessThanOrEqual(CONCURRENCY); // pooled: connections are reused
  });

  it('a mail the server rejects (550) is retried on its own; the rest of its batch is delivered once', async () => {
    sink = await startSmtpSink({ rejects: (address) => address === 'bounce@example.com' });
    const good = addresses('ok', 9);
    await enqueueMails(handle, [...good.slice(0, 4), 'bounce@example.com', ...good.slice(4)]);
    await startWorkerInto(sink);
    const bounce = async () => (await mailJobs(handle)).find((j) => j.to === 'bounce@example.com')!;
    await waitFor('the rejected mail to go back to the queue', async () => (await bounce()).state === 'retry');
    await waitFor('the other mails to complete', async () => (await mailJobs(handle)).filter((j) => j.state === 'completed').length === 9);

    expect((await bounce()).output?.message).toMatch(/550/);
    // The retry comes round (made due now, instead of after the 30 s+ back-off) and fails again on its own.
    await handle.db.execute(sql`update pgboss.job set start_after = now() where data->>'to' = 'bounce@example.com'`);
    await waitFor('the second attempt', async () => (await bounce()).retryCount === 1 && (await bounce()).state === 'retry');

    expect(sink.received.map((m) => m.to).sort()).toEqual([...good].sort()); // each once, none re-sent
    expect((await mailJobs(handle)).filter((j) => j.state === 'completed').length).toBe(9);
  });
});
