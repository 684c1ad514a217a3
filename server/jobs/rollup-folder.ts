import type { Db } from '@/db/client';
import { logger } from '@/lib/logger';
import { foldMetricRollup } from '../services/rollup-fold';

/** Every few seconds: readers sum the deltas not folded yet, so fewer of them keeps the boards fast. */
export const ROLLUP_FOLD_SECONDS = Number(process.env.TP_ROLLUP_FOLD_SECONDS) || 5;

/**
 * Folds the metric rollup's deltas on a timer in this worker process (pg-boss schedules by the minute,
 * which would let a minute of deltas pile up). Several workers may run it: the fold itself lets one at a
 * time through. Returns a function that stops it.
 */
export function startRollupFolder(db: Db, everySeconds = ROLLUP_FOLD_SECONDS): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    foldMetricRollup(db)
      .catch((error: unknown) => logger.warn({ err: error }, 'metric rollup fold failed; the next one retries'))
      .finally(() => {
        running = false;
      });
  }, everySeconds * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
