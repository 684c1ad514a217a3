import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '@/db/client';
import { teams, tickets, ticketTags, users } from '@/db/schema';
import { listTaxonomy, type Taxonomy } from './taxonomy';

type Named = { id: number; name: string };

/**
 * What the ticket page's side panel edits with, read beside the ticket itself: the ticket's tags, the whole
 * taxonomy (retired entries included, so a ticket that carries one still shows it), the staff to assign to
 * and the teams. The panel's own rows come in one statement. The ticket page passes in its one read of the
 * taxonomy, which the composer's macro summaries use too.
 */
export async function ticketPanelData(db: Db, ticketId: number, taxonomyRead?: Promise<Taxonomy>) {
  const panelRead = db.execute(sql`select
    (select coalesce(json_agg(${ticketTags.tagKey} order by ${ticketTags.createdAt}, ${ticketTags.tagKey}), '[]'::json)
       from ${ticketTags} where ${ticketTags.ticketId} = ${ticketId}) as tags,
    -- A deactivated assignee stays listed on their tickets, so the select shows who has it.
    (select coalesce(json_agg(json_build_object('id', ${users.id}, 'name', ${users.name}) order by ${users.name}), '[]'::json)
       from ${users} where ${users.deactivatedAt} is null
         or ${users.id} = (select ${tickets.assigneeId} from ${tickets} where ${tickets.id} = ${ticketId})) as staff,
    (select coalesce(json_agg(json_build_object('id', ${teams.id}, 'name', ${teams.name}) order by ${teams.name}), '[]'::json)
       from ${teams}) as teams`);
  const [result, taxonomy] = await Promise.all([panelRead, taxonomyRead ?? listTaxonomy(db)]);
  const [{ tags, staff, teams: teamRows }] = rowsOf<{ tags: string[]; staff: Named[]; teams: Named[] }>(result);
  const groupLabel = new Map(taxonomy.groups.map((g) => [g.key, g.label]));
  const retiredGroups = new Set(taxonomy.groups.filter((g) => g.retired).map((g) => g.key));
  const groupOrder = new Map(taxonomy.groups.map((g, i) => [g.key, i]));
  const allTags = taxonomy.tags
    .map((t) => ({ ...t, retired: t.retired || retiredGroups.has(t.group), groupLabel: groupLabel.get(t.group) ?? t.group }))
    .sort((a, b) => (groupOrder.get(a.group) ?? 999) - (groupOrder.get(b.group) ?? 999));
  return { tags, stages: taxonomy.stages, touchpoints: taxonomy.touchpoints, allTags, staff, teams: teamRows };
}
