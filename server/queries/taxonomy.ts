import { asc, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { journeyStages, touchpoints } from '@/db/schema';

/** Active journey stages and touchpoints, in the admin's order, for pickers and the portal form. */
export async function listActiveTaxonomy(db: Db) {
  const columns = (t: typeof journeyStages | typeof touchpoints) => ({
    key: t.key,
    label: t.label,
    portalLabel: t.portalLabel,
    description: t.description,
  });
  const [stages, points] = await Promise.all([
    db.select(columns(journeyStages)).from(journeyStages).where(isNull(journeyStages.retiredAt)).orderBy(asc(journeyStages.position)),
    db.select(columns(touchpoints)).from(touchpoints).where(isNull(touchpoints.retiredAt)).orderBy(asc(touchpoints.position)),
  ]);
  return { stages, touchpoints: points };
}
