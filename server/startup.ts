import { logger } from '@/lib/logger';
import { resolveAuthSecret } from './auth/secret';
import { getDbHandle } from '@/db/client';
import { bootDatabase } from './boot';
import { startJobWorker } from './jobs/worker';

/** Secrets first (production refuses to start without NEXTAUTH_SECRET), then the database. */
export async function startServer(): Promise<void> {
  try {
    process.env.NEXTAUTH_SECRET = resolveAuthSecret();
  } catch (error) {
    logger.fatal({ err: error }, 'refusing to start');
    console.error(`\nTouchpoint cannot start: ${(error as Error).message}\n`);
    process.exit(1);
  }
  await bootDatabase();
  // TP_WORKER=0 runs a web-only process; by default each process also works the shared queue. The
  // worker starts beside the server, not before it: requests only enqueue, so they need no worker yet.
  if (process.env.TP_WORKER !== '0') {
    void getDbHandle()
      .then(startJobWorker)
      .catch((error: unknown) => {
        logger.error({ err: error }, 'job worker failed to start');
        console.error(`[touchpoint] the job worker did not start, so mail waits in the queue: ${(error as Error).message}`);
      });
  }
}
