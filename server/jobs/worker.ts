import PgBoss from 'pg-boss';
import type { Db, DbHandle } from '@/db/client';
import { executorForPglite } from '@/db/queue-sql';
import { QUEUES } from '@/db/queue-schema';
import { logger } from '@/lib/logger';
import { deliverMail } from '../mail/deliver';
import type { MailJob } from '../mail/enqueue';
import { autoCloseSolvedTickets } from '../services/auto-close';

/** Auto-close looks for stale solved tickets every 10 minutes; the delay itself is the autoCloseDays setting. */
export const AUTO_CLOSE_CRON = '*/10 * * * *';

/** One handler per queue. Each throws to make pg-boss retry the job later (with the queue's backoff). */
export function jobHandlers(db: Db, clock: () => Date = () => new Date()) {
  return {
    [QUEUES.mail.name]: async (job: PgBoss.Job<MailJob>) => {
      const via = await deliverMail(db, job.id, job.data);
      logger.debug({ jobId: job.id, kind: job.data.kind, via }, 'mail delivered');
    },
    [QUEUES.autoClose.name]: async () => {
      const closed = await autoCloseSolvedTickets(db, clock());
      if (closed > 0) logger.info({ closed }, 'auto-closed solved tickets');
    },
  } as Record<string, (job: PgBoss.Job<never>) => Promise<void>>;
}

/**
 * A pg-boss on the app's database: its own small pool on Postgres, the one PGlite client otherwise. Its pg
 * pool gets the app's connect timeout (2 s; pg's default is none, so a connect to an unreachable host would
 * hang) and a statement timeout; pg-boss retries its polling after a failure, so it resumes by itself.
 */
export function bossFor(handle: DbHandle, options: { worker: boolean }): PgBoss {
  const pgPool = { max: 3, connectionTimeoutMillis: 2_000, statement_timeout: 30_000 };
  const connection = 'url' in handle.queue ? { connectionString: handle.queue.url, ...pgPool } : { db: executorForPglite(handle.queue.pglite) };
  return new PgBoss({ ...connection, supervise: options.worker, schedule: options.worker, migrate: true });
}

/**
 * Starts this process's worker: mail jobs and the recurring auto-close. Several processes may run one
 * each against one Postgres; pg-boss hands each job to exactly one of them.
 */
export async function startJobWorker(handle: DbHandle): Promise<PgBoss> {
  const boss = bossFor(handle, { worker: true });
  boss.on('error', (error) => logger.error({ err: error }, 'job queue error'));
  await boss.start();
  const handlers = jobHandlers(handle.db);
  const pollingIntervalSeconds = Number(process.env.TP_JOB_POLL_SECONDS) || 2;
  for (const [name, handler] of Object.entries(handlers)) {
    await boss.work(name, { pollingIntervalSeconds, batchSize: 1 }, async ([job]) => handler(job as PgBoss.Job<never>));
  }
  await boss.schedule(QUEUES.autoClose.name, AUTO_CLOSE_CRON);
  return boss;
}

export interface QueuePass {
  completed: number;
  failed: number;
}

/**
 * Works every job that is due right now, once, in this call: what tests use instead of a polling worker.
 * A failing job is marked failed, so pg-boss retries it after its delay, as the worker would.
 */
export async function workQueueOnce(boss: PgBoss, db: Db, clock?: () => Date): Promise<QueuePass> {
  const handlers = jobHandlers(db, clock);
  const pass: QueuePass = { completed: 0, failed: 0 };
  for (const [name, handler] of Object.entries(handlers)) {
    for (const job of await boss.fetch<never>(name, { batchSize: 100 })) {
      try {
        await handler(job);
        await boss.complete(name, job.id);
        pass.completed++;
      } catch (error) {
        await boss.fail(name, job.id, { message: (error as Error).message });
        pass.failed++;
      }
    }
  }
  return pass;
}
