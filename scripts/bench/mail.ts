/**
 * `npm run bench:mail -- [--mails 2000] [--batch 50] [--concurrency 10]`
 * Queues mails in a dedicated Postgres database, then measures how fast one worker process (the real
 * startJobWorker) delivers them into a local SMTP server (smtp-server on a free port) and prints mails/s.
 * Database: BENCH_MAIL_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/touchpoint_bench_mail),
 * dropped and recreated, and dropped again at the end.
 */
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { migratePostgresUrl, postgresHandle } from '@/db/client';
import { startJobWorker } from '@/server/jobs/worker';
import { enqueueMail } from '@/server/mail/enqueue';
import { closeMailTransports, mailBatchPlanFromEnv } from '@/server/mail/transport';
import { startSmtpSink, waitFor } from '../../tests/mail/smtp-sink';

const log = (line = '') => process.stdout.write(`${line}\n`);

async function withAdmin(url: string, fn: (sql: postgres.Sql, name: string) => Promise<void>): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!/bench/i.test(name)) throw new Error(`Refusing to drop "${name}": the bench database name must contain "bench".`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const sql = postgres(admin.toString(), { max: 1, onnotice: () => {} });
  try {
    await fn(sql, name);
  } finally {
    await sql.end();
  }
}

async function main() {
  const { values } = parseArgs({ options: { mails: { type: 'string', default: '2000' }, batch: { type: 'string' }, concurrency: { type: 'string' } } });
  const mails = Number(values.mails);
  if (!Number.isInteger(mails) || mails < 1) throw new Error('--mails must be a positive integer');
  if (values.batch) process.env.TP_MAIL_BATCH_SIZE = values.batch;
  if (values.concurrency) process.env.TP_MAIL_CONCURRENCY = values.concurrency;
  process.env.LOG_LEVEL ??= 'warn';

  const url = process.env.BENCH_MAIL_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/touchpoint_bench_mail';
  await withAdmin(url, async (sql, name) => {
    await sql.unsafe(`drop database if exists "${name}" with (force)`);
    await sql.unsafe(`create database "${name}"`);
  });
  await migratePostgresUrl(url);
  const handle = postgresHandle(url);
  const sink = await startSmtpSink();
  process.env.SMTP_URL = sink.url;
  try {
    const queued = Date.now();
    for (let i = 0; i < mails; i += 500) {
      await handle.db.transaction(async (tx) => {
        for (let j = i; j < Math.min(mails, i + 500); j++) {
          await enqueueMail(tx, `bench${j}@example.com`, { kind: 'password_reset', link: `http://localhost/portal/reset/bench${j}` });
        }
      });
    }
    log(`queued ${mails} mails in ${((Date.now() - queued) / 1000).toFixed(1)} s`);

    const plan = mailBatchPlanFromEnv();
    const started = Date.now();
    const boss = await startJobWorker(handle);
    await waitFor(`${mails} mails`, () => sink.received.length >= mails, 600_000);
    const seconds = (Date.now() - started) / 1000;
    await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    const distinct = new Set(sink.received.map((m) => m.to)).size;
    log(`delivered ${sink.received.length} mails (${distinct} distinct) over ${sink.sessions} SMTP connections, at most ${sink.maxInFlight} at once`);
    log(`batch ${plan.batchSize}, concurrency ${plan.concurrency}: ${seconds.toFixed(2)} s, ${(mails / seconds).toFixed(0)} mails/s`);
    if (distinct !== mails || sink.received.length !== mails) process.exitCode = 1;
  } finally {
    closeMailTransports();
    await sink.close();
    await handle.close();
    await withAdmin(url, (sql, name) => sql.unsafe(`drop database if exists "${name}" with (force)`).then(() => undefined));
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
