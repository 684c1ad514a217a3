import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { cxTags, journeyStages, teams, ticketEvents, ticketTags, touchpoints, users } from '@/db/schema';
import { ServiceError } from '@/lib/errors';
import { PRIORITY_LABELS, STATUS_LABELS, type TicketEventType } from '@/lib/domain/ticket-values';
import type { TicketRow } from './ticket-write';

/** The fields an agent edits against a version (DESIGN.md, "Versions"). */
export type EditedField = 'status' | 'priority' | 'assignee' | 'team' | 'journey_stage' | 'touchpoint' | 'tags';

const EVENT_OF: Record<EditedField, TicketEventType> = {
  status: 'status',
  priority: 'priority',
  assignee: 'assignment',
  team: 'assignment',
  journey_stage: 'journey_stage',
  touchpoint: 'touchpoint',
  tags: 'tags',
};
const FIELD_NAME: Record<EditedField, string> = {
  status: 'status',
  priority: 'priority',
  assignee: 'assignee',
  team: 'team',
  journey_stage: 'journey stage',
  touchpoint: 'touchpoint',
  tags: 'CX tags',
};
const FIELD_EVENT_TYPES = [...new Set(Object.values(EVENT_OF))];

/** The ticket's editable fields as the API names them: what a 409 carries in `details.current`. */
export async function currentFieldValues(tx: Db, row: TicketRow) {
  const tags = await tx.select({ key: ticketTags.tagKey }).from(ticketTags).where(eq(ticketTags.ticketId, row.id)).orderBy(asc(ticketTags.tagKey));
  return {
    version: row.version,
    status: row.status,
    priority: row.priority,
    assignee_id: row.assigneeId,
    team_id: row.teamId,
    journey_stage: row.journeyStage,
    touchpoint: row.touchpoint,
    tags: tags.map((t) => t.key),
  };
}

async function labelOf(tx: Db, field: EditedField, current: Awaited<ReturnType<typeof currentFieldValues>>): Promise<string> {
  const one = async (rows: Promise<{ label: string }[]>, none: string) => (await rows)[0]?.label ?? none;
  switch (field) {
    case 'status':
      return STATUS_LABELS[current.status];
    case 'priority':
      return PRIORITY_LABELS[current.priority];
    case 'assignee':
      return current.assignee_id === null ? 'Unassigned' : one(tx.select({ label: users.name }).from(users).where(eq(users.id, current.assignee_id)), 'Unassigned');
    case 'team':
      return current.team_id === null ? 'no team' : one(tx.select({ label: teams.name }).from(teams).where(eq(teams.id, current.team_id)), 'no team');
    case 'journey_stage':
      return current.journey_stage === null ? 'none' : one(tx.select({ label: journeyStages.label }).from(journeyStages).where(eq(journeyStages.key, current.journey_stage)), 'none');
    case 'touchpoint':
      return current.touchpoint === null ? 'none' : one(tx.select({ label: touchpoints.label }).from(touchpoints).where(eq(touchpoints.key, current.touchpoint)), 'none');
    case 'tags': {
      if (current.tags.length === 0) return 'no tags';
      const rows = await tx.select({ label: cxTags.label }).from(cxTags).where(inArray(cxTags.key, current.tags)).orderBy(asc(cxTags.position));
      return rows.map((r) => r.label).join(', ');
    }
  }
}

/**
 * The optimistic-lock check for field edits. A stale version means someone changed the ticket's fields
 * after the agent loaded it: the edit is refused, and the message says who changed what to which value,
 * so the agent can decide again with the current value in front of them.
 */
export async function assertFreshVersion(tx: Db, row: TicketRow, version: number, fields: readonly EditedField[]): Promise<void> {
  if (row.version === version) return;
  const current = await currentFieldValues(tx, row);
  // The latest field edit: its events share one time (several fields saved together) and one actor.
  const recent = await tx
    .select({ type: ticketEvents.type, at: ticketEvents.at, actorKind: ticketEvents.actorKind, actorUserId: ticketEvents.actorUserId, name: users.name })
    .from(ticketEvents)
    .leftJoin(users, eq(users.id, ticketEvents.actorUserId))
    .where(and(eq(ticketEvents.ticketId, row.id), inArray(ticketEvents.type, FIELD_EVENT_TYPES)))
    .orderBy(desc(ticketEvents.seq))
    .limit(FIELD_EVENT_TYPES.length);
  const latest = recent[0];
  const lastEdit = recent.filter((e) => e.at.getTime() === latest?.at.getTime() && e.actorUserId === latest?.actorUserId);
  const who = latest?.name ?? (latest?.actorKind === 'system' ? 'An automation' : 'Someone else');
  const clashing = fields.find((f) => lastEdit.some((e) => e.type === EVENT_OF[f]));
  const field = clashing ?? fields[0] ?? 'status';
  const value = await labelOf(tx, field, current);
  const message = clashing
    ? `${who} changed the ${FIELD_NAME[field]} to ${value}; your change was not saved.`
    : `${who} changed this ticket meanwhile; the ${FIELD_NAME[field]} is now ${value}. Your change was not saved.`;
  throw new ServiceError('conflict', message, { current, changedBy: who });
}
