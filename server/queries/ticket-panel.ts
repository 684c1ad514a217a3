import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { ticketTags } from '@/db/schema';
import { preparedPerDb } from './prepared';
import { listActiveStaff, listTeams } from './staff';
import { cachedTaxonomy } from './taxonomy';
import { getStaffTicket, type StaffTicket } from './ticket-detail';
import { workspaceReads, type WorkspaceReads } from './workspace-cache';

const tagsOfTicket = preparedPerDb((db) =>
  db
    .select({ key: ticketTags.tagKey })
    .from(ticketTags)
    .where(eq(ticketTags.ticketId, sql.placeholder('ticketId')))
    .orderBy(asc(ticketTags.createdAt), asc(ticketTags.tagKey))
    .prepare('ticket_tags_in_order'),
);

/**
 * What the ticket page's side panel edits with (read beside the ticket itself, not after it): the ticket's tags, the
 * whole taxonomy (retired entries included, so a ticket that carries one still shows it), the staff to assign to and
 * the teams. Only the tags are the ticket's own; the rest comes from the workspace cache. The ticket (the page passes
 * its own read of it) lets a deactivated assignee stay listed on their tickets, so the select shows who has it.
 */
export async function ticketPanelData(
  db: Db,
  ticketId: number,
  { workspace = workspaceReads(db), ticketRead = getStaffTicket(db, ticketId) }: { workspace?: WorkspaceReads; ticketRead?: Promise<StaffTicket | null> } = {},
) {
  const [tags, taxonomy, activeStaff, teamRows, ticket] = await Promise.all([
    tagsOfTicket(db).execute({ ticketId }),
    cachedTaxonomy(workspace),
    workspace.get('active-staff', listActiveStaff),
    workspace.get('teams', listTeams),
    ticketRead,
  ]);
  const groupLabel = new Map(taxonomy.groups.map((g) => [g.key, g.label]));
  const retiredGroups = new Set(taxonomy.groups.filter((g) => g.retired).map((g) => g.key));
  const groupOrder = new Map(taxonomy.groups.map((g, i) => [g.key, i]));
  const allTags = taxonomy.tags
    .map((t) => ({ ...t, retired: t.retired || retiredGroups.has(t.group), groupLabel: groupLabel.get(t.group) ?? t.group }))
    .sort((a, b) => (groupOrder.get(a.group) ?? 999) - (groupOrder.get(b.group) ?? 999));
  return { tags: tags.map((t) => t.key), stages: taxonomy.stages, touchpoints: taxonomy.touchpoints, allTags, staff: withAssignee(activeStaff, ticket), teams: teamRows };
}

function withAssignee(staff: { id: number; name: string }[], ticket: StaffTicket | null) {
  const assigneeId = ticket?.ticket.assigneeId;
  if (!assigneeId || !ticket.assigneeName || staff.some((s) => s.id === assigneeId)) return staff;
  return [...staff, { id: assigneeId, name: ticket.assigneeName }].sort((a, b) => a.name.localeCompare(b.name));
}
