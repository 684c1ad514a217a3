import type PgBoss from 'pg-boss';
import type { Db } from '@/db/client';
import { QUEUES } from '@/db/queue-schema';
import type { MailBatchPlan } from '@/lib/domain/mail-batching';
import { logger } from '@/lib/logger';
import { deliverMail } from '../mail/deliver';
import type { MailJob } from '../mail/enqueue';
import { MailSealError } from '../mail/seal';

export type MailJobRow = PgBoss.Job<MailJob> & Partial<Pick<PgBoss.JobWithMetadata<MailJob>, 'retryCount' | 'retryLimit'>>;

export interface BatchOutcome {
  completed: number;
  failed: number;
}

/**
 * Works one batch of mail jobs, at most `plan.concurrency` at a time, and settles every job on its own.
 *
 * Why each job is settled here rather than by pg-boss: `boss.work()` with batchSize > 1 completes the
 * whole batch when the handler returns and fails the whole batch when it throws. Throwing for one
 * rejected mail would put the others back in the queue and send them again; swallowing the error would
 * mark the rejected mail sent. So each job is completed right after its mail went out (a crash then
 * re-sends only the mails in flight, not the batch) or failed with its own error, which hands it to the
 * queue's retry policy (retryLimit, retryDelay, back-off) unchanged.
 *
 * What pg-boss then does with the batch is harmless: its completion touches only jobs still `active`, and
 * none are. The handler throws only when a job could not be settled (the database failed): pg-boss then
 * fails the batch, which touches only jobs not yet completed, so an unsettled mail is retried, never
 * marked sent, and a delivered one is never sent again.
 */
export async function workMailBatch(boss: PgBoss, db: Db, jobs: readonly MailJobRow[], plan: MailBatchPlan): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { completed: 0, failed: 0 };
  const unsettled: unknown[] = [];
  await forEachConcurrently(jobs, plan.concurrency, async (job) => {
    let failure: Error | undefined;
    try {
      const via = await deliverMail(db, job.id, job.data);
      logger.debug({ jobId: job.id, kind: job.data.kind, via }, 'mail delivered');
    } catch (error) {
      failure = error instanceof Error ? error : new Error(String(error));
    }
    try {
      if (!failure) {
        await boss.complete(QUEUES.mail.name, job.id);
        outcome.completed++;
      } else {
        await failMailJob(boss, job, failure);
        outcome.failed++;
      }
    } catch (error) {
      logger.error({ err: error, jobId: job.id }, 'could not record the outcome of a mail job');
      unsettled.push(error);
    }
  });
  if (unsettled.length > 0) throw new AggregateError(unsettled, `${unsettled.length} mail job(s) could not be settled`);
  return outcome;
}

/**
 * Fails one job: back to the queue for its next try, or, when retrying cannot help (a mail no configured
 * secret opens), failed for good at once. pg-boss has no "fail without retry", so the job's retry limit
 * is first lowered to the tries it has had; it then ends `failed` like an exhausted job (and reaches a
 * dead-letter queue, if one is ever set), with the reason as its output.
 */
async function failMailJob(boss: PgBoss, job: MailJobRow, failure: Error): Promise<void> {
  if (failure instanceof MailSealError) {
    logger.error(
      { err: failure, jobId: job.id, kind: job.data.kind, keyId: failure.keyId },
      'queued mail cannot be opened with NEXTAUTH_SECRET or NEXTAUTH_SECRET_PREVIOUS: failed without retrying (README, "Rotating secrets")',
    );
    await boss.getDb().executeSql(`update pgboss.job set retry_limit = retry_count where name = $1 and id = $2::uuid and state = 'active'`, [QUEUES.mail.name, job.id]);
  } else {
    const attempt = job.retryCount === undefined ? undefined : job.retryCount + 1;
    logger.warn({ err: failure, jobId: job.id, kind: job.data.kind, attempt, attempts: job.retryLimit === undefined ? undefined : job.retryLimit + 1 }, 'mail delivery failed; the queue retries it');
  }
  await boss.fail(QUEUES.mail.name, job.id, { message: failure.message });
}

/** Runs `work` over `items` with at most `limit` running at once; resolves when all have finished. */
export async function forEachConcurrently<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}
