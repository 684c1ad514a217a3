import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '@/db/client';

/**
 * Moves the metric deltas that ticket writes appended into the rollup's base rows (migration 0017), so
 * readers sum few deltas. Safe from any number of processes at once: one folds, the others return 0.
 * Returns how many base rows it changed.
 */
export async function foldMetricRollup(db: Db): Promise<number> {
  const [row] = rowsOf<{ folded: number }>(await db.execute(sql`select metric_rollup_fold() as folded`));
  return row.folded;
}
