import { asc, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { cxTags, teams, users } from '@/db/schema';
import { listActiveTaxonomy } from '../taxonomy';
import { workspaceReads } from '../workspace-cache';

/** What the filter bar offers: teams, staff, taxonomy and CX tags, in the admin's order, from the workspace cache. */
export function inboxFilterOptions(db: Db, workspace = workspaceReads(db)) {
  return workspace.get('inbox-filter-options', readFilterOptions);
}

async function readFilterOptions(db: Db) {
  const [teamRows, staff, taxonomy, tags] = await Promise.all([
    db.select({ id: teams.id, name: teams.name }).from(teams).orderBy(asc(teams.name)),
    db.select({ id: users.id, name: users.name }).from(users).where(isNull(users.deactivatedAt)).orderBy(asc(users.name)),
    listActiveTaxonomy(db),
    db.select({ key: cxTags.key, label: cxTags.label, group: cxTags.group }).from(cxTags).where(isNull(cxTags.retiredAt)).orderBy(asc(cxTags.position)),
  ]);
  return { teams: teamRows, staff, stages: taxonomy.stages, touchpoints: taxonomy.touchpoints, tags };
}
export type InboxFilterOptions = Awaited<ReturnType<typeof inboxFilterOptions>>;
