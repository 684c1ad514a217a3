import { asc, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { cxTags } from '@/db/schema';
import { listActiveStaff, listTeams } from '../staff';
import { listActiveTaxonomy } from '../taxonomy';
import { workspaceReads } from '../workspace-cache';

/** What the filter bar offers: teams, staff, taxonomy and CX tags, in the admin's order, from the workspace cache. */
export function inboxFilterOptions(db: Db, workspace = workspaceReads(db)) {
  return workspace.get('inbox-filter-options', readFilterOptions);
}

async function readFilterOptions(db: Db) {
  const [teamRows, staff, taxonomy, tags] = await Promise.all([
    listTeams(db),
    listActiveStaff(db),
    listActiveTaxonomy(db),
    db.select({ key: cxTags.key, label: cxTags.label, group: cxTags.group }).from(cxTags).where(isNull(cxTags.retiredAt)).orderBy(asc(cxTags.position)),
  ]);
  return { teams: teamRows, staff, stages: taxonomy.stages, touchpoints: taxonomy.touchpoints, tags };
}
export type InboxFilterOptions = Awaited<ReturnType<typeof inboxFilterOptions>>;
