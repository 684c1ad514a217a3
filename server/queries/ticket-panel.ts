import { asc, eq, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { teams, tickets, ticketTags, users } from '@/db/schema';
import { listTaxonomy, type Taxonomy } from './taxonomy';

/**
 * What the ticket page's side panel edits with (read beside the ticket itself, not after it): the ticket's tags, the whole taxonomy (retired entries
 * included, so a ticket that carries one still shows it), the staff to assign to and the teams. The ticket page
 * passes in its one read of the taxonomy, which the composer's macro summaries use too.
 */
export async function ticketPanelData(db: Db, ticketId: number, taxonomyRead?: Promise<Taxonomy>) {
  const [tags, taxonomy, staff, teamRows] = await Promise.all([
    db.select({ key: ticketTags.tagKey }).from(ticketTags).where(eq(ticketTags.ticketId, ticketId)).orderBy(asc(ticketTags.createdAt), asc(ticketTags.tagKey)),
    taxonomyRead ?? listTaxonomy(db),
    db
      .select({ id: users.id, name: users.name })
      .from(users)
      // A deactivated assignee stays listed on their tickets, so the select shows who has it.
      .where(or(isNull(users.deactivatedAt), eq(users.id, sql`(select ${tickets.assigneeId} from ${tickets} where ${tickets.id} = ${ticketId})`)))
      .orderBy(asc(users.name)),
    db.select({ id: teams.id, name: teams.name }).from(teams).orderBy(asc(teams.name)),
  ]);
  const groupLabel = new Map(taxonomy.groups.map((g) => [g.key, g.label]));
  const retiredGroups = new Set(taxonomy.groups.filter((g) => g.retired).map((g) => g.key));
  const groupOrder = new Map(taxonomy.groups.map((g, i) => [g.key, i]));
  const allTags = taxonomy.tags
    .map((t) => ({ ...t, retired: t.retired || retiredGroups.has(t.group), groupLabel: groupLabel.get(t.group) ?? t.group }))
    .sort((a, b) => (groupOrder.get(a.group) ?? 999) - (groupOrder.get(b.group) ?? 999));
  return { tags: tags.map((t) => t.key), stages: taxonomy.stages, touchpoints: taxonomy.touchpoints, allTags, staff, teams: teamRows };
}
