import { asc, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { cxTagGroups, cxTags, journeyStages, touchpoints } from '@/db/schema';
import type { WorkspaceReads } from './workspace-cache';

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

const entryColumns = (t: typeof journeyStages | typeof touchpoints | typeof cxTagGroups) => ({
  key: t.key,
  label: t.label,
  description: t.description,
  position: t.position,
  retired: sql<boolean>`${t.retiredAt} is not null`,
});

/**
 * The whole taxonomy, retired entries included, in the admin's order: the admin page edits it, and the
 * ticket page shows a retired entry on the tickets that still carry it.
 */
export async function listTaxonomy(db: Db) {
  const [stages, points, groups, tags] = await Promise.all([
    db.select({ ...entryColumns(journeyStages), portalLabel: journeyStages.portalLabel }).from(journeyStages).orderBy(asc(journeyStages.position), asc(journeyStages.key)),
    db.select({ ...entryColumns(touchpoints), portalLabel: touchpoints.portalLabel }).from(touchpoints).orderBy(asc(touchpoints.position), asc(touchpoints.key)),
    db.select(entryColumns(cxTagGroups)).from(cxTagGroups).orderBy(asc(cxTagGroups.position), asc(cxTagGroups.key)),
    db
      .select({ key: cxTags.key, label: cxTags.label, description: cxTags.description, position: cxTags.position, retired: sql<boolean>`${cxTags.retiredAt} is not null`, group: cxTags.group })
      .from(cxTags)
      .orderBy(asc(cxTags.position), asc(cxTags.key)),
  ]);
  return { stages, touchpoints: points, groups, tags };
}
export type Taxonomy = Awaited<ReturnType<typeof listTaxonomy>>;

/** The same, from the workspace cache: the ticket page's panel and macro summaries read it on every view. */
export const cachedTaxonomy = (workspace: WorkspaceReads) => workspace.get('taxonomy', listTaxonomy);
