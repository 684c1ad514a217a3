import PgBoss from 'pg-boss';
import type { SqlExecutor } from './queue-sql';

/** The background queues. Mail retries with backoff (30 s, 60 s, 120 s …); auto-close and the attachment sweep run on a schedule. */
export const QUEUES = {
  mail: { name: 'send-mail', options: { retryLimit: 6, retryDelay: 30, retryBackoff: true, expireInSeconds: 300 } },
  autoClose: { name: 'auto-close', options: { retryLimit: 2, retryDelay: 60, expireInSeconds: 900 } },
  /** Hourly; `stately` keeps one queued and one running at most, so a slow sweep never piles up. */
  attachmentSweep: { name: 'attachment-sweep', options: { policy: 'stately', retryLimit: 1, retryDelay: 300, expireInSeconds: 3600 } },
} as const;

/**
 * Installs (or upgrades) pg-boss's own schema and creates the queues, right after the app's migrations,
 * so every database that is migrated can take jobs: a ticket write that enqueues mail never meets a
 * missing table, whether or not a worker has started yet.
 */
export async function installQueueSchema(executor: SqlExecutor): Promise<void> {
  const boss = new PgBoss({ db: executor, supervise: false, schedule: false, migrate: true });
  await boss.start();
  try {
    for (const queue of Object.values(QUEUES)) await boss.createQueue(queue.name, { name: queue.name, ...queue.options });
  } finally {
    await boss.stop({ graceful: false, close: false });
  }
}
