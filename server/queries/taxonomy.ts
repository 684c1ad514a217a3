import { asc, isNull, sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db } from '@/db/client';
import { cxTagGroups, cxTags, journeyStages, touchpoints } from '@/db/schema';

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

type Entry = { key: string; label: string; description: string; position: number; retired: boolean };

/** One taxonomy table as a JSON array in the admin's order; `extra` adds that table's own columns. */
function entriesJson(table: typeof journeyStages | typeof touchpoints | typeof cxTagGroups | typeof cxTags, extra: SQL = sql``) {
  return sql`(select coalesce(json_agg(json_build_object('key', ${table.key}, 'label', ${table.label}, 'description', ${table.description},
    'position', ${table.position}, 'retired', ${table.retiredAt} is not null${extra}) order by ${table.position}, ${table.key}), '[]'::json) from ${table})`;
}

/**
 * The whole taxonomy, retired entries included, in the admin's order: the admin page edits it, and the
 * ticket page shows a retired entry on the tickets that still carry it. One statement, not four: the ticket
 * page reads it on every open, and each statement's fixed cost (building, round trip, parsing) outweighs
 * these few rows.
 */
export async function listTaxonomy(db: Db) {
  const [row] = rowsOf<{
    stages: (Entry & { portalLabel: string })[];
    touchpoints: (Entry & { portalLabel: string })[];
    groups: Entry[];
    tags: (Entry & { group: string })[];
  }>(
    await db.execute(sql`select
      ${entriesJson(journeyStages, sql`, 'portalLabel', ${journeyStages.portalLabel}`)} as stages,
      ${entriesJson(touchpoints, sql`, 'portalLabel', ${touchpoints.portalLabel}`)} as touchpoints,
      ${entriesJson(cxTagGroups)} as groups,
      ${entriesJson(cxTags, sql`, 'group', ${cxTags.group}`)} as tags`),
  );
  return row;
}
export type Taxonomy = Awaited<ReturnType<typeof listTaxonomy>>;
