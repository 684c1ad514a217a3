import type PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startJobWorker } from '@/server/jobs/worker';
import { closeMailTransports, mailBatchPlanFromEnv } from '@/server/mail/transport';
import { createTestDb, describeDb, type TestDbHandle } from '../helpers/db';
import { addresses, enqueueMails, mailJobs } from './jobs';
import { startSmtpSink, waitFor, type SmtpSink } from './smtp-sink';

const MAILS = 400;

/**
 * A backlog of queued mail through the worker as it runs in production (default batch size, concurrency
 * and polling interval) into a real SMTP server. The assertion is about behaviour: everything arrives,
 * once, in batches. The rate is printed, not asserted: budgets belong to `npm run bench:mail`.
 */
describe(`mail worker drains a backlog (${describeDb})`, () => {
  let handle: TestDbHandle;
  let sink: SmtpSink;
  let boss: PgBoss | undefined;
  const saved = { ...process.env };

  beforeAll(async () => {
    handle = await createTestDb();
    sink = await startSmtpSink();
    for (const name of ['TP_MAIL_CONCURRENCY', 'TP_MAIL_BATCH_SIZE', 'TP_JOB_POLL_SECONDS']) delete process.env[name];
    process.env.SMTP_URL = sink.url;
  });
  afterAll(async () => {
    await boss?.stop({ graceful: true, wait: true, timeout: 5000 });
    closeMailTransports();
    await sink.close();
    process.env = saved;
    await handle.close();
  });

  it(`delivers ${MAILS} queued mails, each exactly once, several at a time`, { timeout: 120_000 }, async () => {
    const to = addresses('load', MAILS);
    await enqueueMails(handle, to);
    const started = Date.now();
    boss = await startJobWorker(handle);
    await waitFor(`${MAILS} mails`, () => sink.received.length >= MAILS, 110_000);
    const seconds = (Date.now() - started) / 1000;
    await waitFor('every job completed', async () => (await mailJobs(handle)).every((j) => j.state === 'completed'));

    console.info(`[mail throughput, ${describeDb}] ${MAILS} mails in ${seconds.toFixed(2)} s: ${(MAILS / seconds).toFixed(0)} mails/s (batch ${mailBatchPlanFromEnv().batchSize}, concurrency ${mailBatchPlanFromEnv().concurrency})`);
    expect(new Set(sink.received.map((m) => m.to)).size).toBe(MAILS);
    expect(sink.received.length).toBe(MAILS);
    expect(sink.maxInFlight).toBeGreaterThan(1);
    expect(sink.sessions).toBeLessThanOrEqual(mailBatchPlanFromEnv().concurrency * Math.ceil(MAILS / 100)); // pooled, ≤ 100 mails per connection
  });
});
