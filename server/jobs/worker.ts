import PgBoss from 'pg-boss';
import type { Db, DbHandle } from '@/db/client';
import { executorForPglite } from '@/db/queue-sql';
import { QUEUES } from '@/db/queue-schema';
import type { MailBatchPlan } from '@/lib/domain/mail-batching';
import { logger } from '@/lib/logger';
import { closeMailTransports, mailBatchPlanFromEnv } from '../mail/transport';
import { sweepOrphanAttachments } from '../services/attachment-sweep';
import { autoCloseSolvedTickets } from '../services/auto-close';
import { workMailBatch, type MailJobRow } from './mail-batch';
import { startRollupFolder } from './rollup-folder';

/** Auto-close looks for stale solved tickets every 10 minutes; the delay itself is the autoCloseDays setting. */
export const AUTO_CLOSE_CRON = '*/10 * * * *';
/** Orphan attachment files are swept hourly; how old an orphan must be is TP_ATTACHMENT_ORPHAN_GRACE_MINUTES. */
export const ATTACHMENT_SWEEP_CRON = '23 * * * *';

/** Handlers of the one-job-at-a-time queues. Each throws to make pg-boss retry the job later (with the queue's backoff). */
export function jobHandlers(db: Db, clock: () => Date = () => new Date()) {
  return {
    [QUEUES.autoClose.name]: async () => {
      const closed = await autoCloseSolvedTickets(db, clock());
      if (closed > 0) logger.info({ closed }, 'auto-closed solved tickets');
    },
    [QUEUES.attachmentSweep.name]: async () => {
      await sweepOrphanAttachments(db, { now: clock() });
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
 * Mail is fetched in batches and sent concurrently (workMailBatch says how each job is settled). pg-boss
 * waits a full polling interval after every batch, however short; when a batch came back full there is
 * more waiting, so the worker is woken at once and a backlog drains at sending speed, not polling speed.
 */
async function workMail(boss: PgBoss, db: Db, plan: MailBatchPlan, pollingIntervalSeconds: number): Promise<void> {
  // The first batch may arrive before work() has returned the worker's id: then it simply polls.
  const worker: { id?: string } = {};
  worker.id = await boss.work<MailJobRow['data']>(
    QUEUES.mail.name,
    { pollingIntervalSeconds, batchSize: plan.batchSize, includeMetadata: true },
    async (jobs) => {
      await workMailBatch(boss, db, jobs, plan);
      if (jobs.length >= plan.batchSize && worker.id) boss.notifyWorker(worker.id);
    },
  );
}

/**
 * Starts this process's worker: mail jobs, the recurring auto-close and attachment sweep, and the metric
 * rollup's fold. Several processes may run one
 * each against one Postgres; pg-boss hands each job to exactly one of them.
 */
export async function startJobWorker(handle: DbHandle): Promise<PgBoss> {
  const boss = bossFor(handle, { worker: true });
  boss.on('error', (error) => logger.error({ err: error }, 'job queue error'));
  boss.on('stopped', closeMailTransports);
  await boss.start();
  const pollingIntervalSeconds = Number(process.env.TP_JOB_POLL_SECONDS) || 2;
  await workMail(boss, handle.db, mailBatchPlanFromEnv(), pollingIntervalSeconds);
  for (const [name, handler] of Object.entries(jobHandlers(handle.db))) {
    await boss.work(name, { pollingIntervalSeconds, batchSize: 1 }, async ([job]) => handler(job as PgBoss.Job<never>));
  }
  await boss.schedule(QUEUES.autoClose.name, AUTO_CLOSE_CRON);
  await boss.schedule(QUEUES.attachmentSweep.name, ATTACHMENT_SWEEP_CRON);
  boss.on('stopped', startRollupFolder(handle.db));
  return boss;
}

export interface QueuePass {
  completed: number;
  failed: number;
}

/**
 * Works every job that is due right now, once, in this call: what tests use instead of a polling worker.
 * Mail goes through the worker's own batch code; a failing job is marked failed, so pg-boss retries it
 * after its delay, as the worker would.
 */
export async function workQueueOnce(boss: PgBoss, db: Db, clock?: () => Date): Promise<QueuePass> {
  const pass: QueuePass = { completed: 0, failed: 0 };
  const plan = mailBatchPlanFromEnv();
  for (;;) {
    const mail = await boss.fetch<MailJobRow['data']>(QUEUES.mail.name, { batchSize: plan.batchSize, includeMetadata: true });
    if (mail.length === 0) break;
    const outcome = await workMailBatch(boss, db, mail, plan);
    pass.completed += outcome.completed;
    pass.failed += outcome.failed;
  }
  for (const [name, handler] of Object.entries(jobHandlers(db, clock))) {
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
