import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { journeyStages, touchpoints } from '@/db/schema';
import { ServiceError } from '@/lib/errors';

/**
 * Checks that a journey stage and touchpoint exist. Retired entries may stay on old tickets and may
 * come from history imports (`allowRetired`), but cannot be chosen for new tickets.
 */
export async function assertTaxonomyKeys(
  db: Db,
  keys: { journeyStage?: string | null; touchpoint?: string | null },
  { allowRetired = false } = {},
): Promise<void> {
  const checks = [
    { key: keys.journeyStage, table: journeyStages, field: 'journeyStage', what: 'journey stage' },
    { key: keys.touchpoint, table: touchpoints, field: 'touchpoint', what: 'touchpoint' },
  ] as const;
  for (const { key, table, field, what } of checks) {
    if (!key) continue;
    const where = allowRetired ? eq(table.key, key) : and(eq(table.key, key), isNull(table.retiredAt));
    const [hit] = await db.select({ key: table.key }).from(table).where(where);
    if (!hit) {
      throw new ServiceError('invalid', `Unknown ${what} "${key}". Choose one from the list.`, {
        fieldErrors: { [field]: [`Choose a ${what} from the list`] },
      });
    }
  }
}
