import { logger } from '@/lib/logger';
import { isDatabaseUnavailable } from '@/db/unavailable';
import { resolveAuthSecret } from './auth/secret';
import { parseTrustProxy } from './http/trust-proxy';
import { getDbHandle } from '@/db/client';
import { bootDatabase } from './boot';
import { bootStatus, markBootFailed, markBootReady } from './boot-state';
import { watchForRecovery } from './health';
import { noteDatabaseDown, noteDatabaseUp } from '@/db/availability';
import { startJobWorker } from './jobs/worker';

/** While Postgres is down, start-up is tried this often: a refused connection costs nothing, and the app
 * must be healthy within 2 s of the database coming back. */
const OUTAGE_RETRY_MS = 500;
/** Any other start-up failure (a broken migration, say) is a bug: retried, but slowly, and logged each time. */
const FAILURE_RETRY_MS = 10_000;
/** An outage at start-up is logged at its first attempt, then once per this many. */
const LOG_EVERY_ATTEMPTS = 60;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Secrets first (production refuses to start without NEXTAUTH_SECRET), then the database.
 *
 * The first database attempt runs before the server takes requests, so with Postgres up nothing is served
 * before it is migrated and seeded, as before. If it fails, this returns anyway and start-up goes on in
 * the background: a throw from instrumentation's register() would fail every request of the process for
 * good (Next keeps the rejected promise), which is how one boot during an outage used to leave the app at
 * 500 long after Postgres was back. Until start-up is done, /api/health answers 503 and API routes 503.
 */
export async function startServer(): Promise<void> {
  try {
    process.env.NEXTAUTH_SECRET = resolveAuthSecret();
    parseTrustProxy(process.env.TRUST_PROXY); // a value we cannot read would silently mis-key every rate limit
  } catch (error) {
    logger.fatal({ err: error }, 'refusing to start');
    console.error(`\nTouchpoint cannot start: ${(error as Error).message}\n`);
    process.exit(1);
  }
  if (process.env.TP_TEST_MAIL_SINK) {
    console.warn(`[touchpoint] TP_TEST_MAIL_SINK is set: every mail, private links included, is also written to ${process.env.TP_TEST_MAIL_SINK}. For automated tests only; never in production.`);
  }
  watchForRecovery();
  const first = await attemptBoot();
  if (first !== 'ready') void bootInBackground(first);
}

async function attemptBoot(): Promise<'ready' | 'outage' | 'failed'> {
  try {
    await bootDatabase();
    markBootReady();
    noteDatabaseUp();
    const status = bootStatus();
    if (status.failedAttempts > 0) console.info(`[touchpoint] database reached after ${status.failedAttempts} failed attempt(s); ready.`);
    startWorkerInBackground();
    return 'ready';
  } catch (error) {
    const { failedAttempts } = markBootFailed(error);
    noteDatabaseDown(); // pages answer "we'll be right back" (proxy.ts) until start-up succeeds
    if (!isDatabaseUnavailable(error)) {
      logger.error({ err: error, failedAttempts }, 'start-up failed');
    } else if (failedAttempts === 1 || failedAttempts % LOG_EVERY_ATTEMPTS === 0) {
      logger.warn({ err: error, failedAttempts }, 'database unavailable at start-up: serving 503 and retrying');
      const reason = ((error as Error).cause as Error | undefined)?.message ?? (error as Error).message;
      console.error(`[touchpoint] the database is unavailable (${reason}); serving 503 and retrying every ${OUTAGE_RETRY_MS} ms.`);
    }
    return isDatabaseUnavailable(error) ? 'outage' : 'failed';
  }
}

async function bootInBackground(first: 'outage' | 'failed'): Promise<void> {
  let last = first;
  for (;;) {
    await sleep(last === 'outage' ? OUTAGE_RETRY_MS : FAILURE_RETRY_MS);
    const result = await attemptBoot();
    if (result === 'ready') return;
    last = result;
  }
}

/**
 * TP_WORKER=0 runs a web-only process; by default each process also works the shared queue. The worker
 * starts beside the server, not before it: requests only enqueue, so they need no worker yet. A failed
 * start (the database went down again) is retried; once started, pg-boss rides out outages itself.
 */
function startWorkerInBackground(): void {
  if (process.env.TP_WORKER === '0') return;
  void (async () => {
    for (let attempt = 1; ; attempt++) {
      try {
        await startJobWorker(await getDbHandle());
        if (attempt > 1) console.info(`[touchpoint] job worker started (attempt ${attempt}).`);
        return;
      } catch (error) {
        if (attempt === 1 || attempt % LOG_EVERY_ATTEMPTS === 0) {
          logger.error({ err: error, attempt }, 'job worker failed to start');
          console.error(`[touchpoint] the job worker did not start, so mail waits in the queue; retrying: ${(error as Error).message}`);
        }
        await sleep(isDatabaseUnavailable(error) ? OUTAGE_RETRY_MS * 2 : FAILURE_RETRY_MS);
      }
    }
  })();
}
