import type { Db } from '@/db/client';
import { ServiceError } from '@/lib/errors';
import type { Priority, TicketStatus } from '@/lib/domain/ticket-values';
import type { TicketFieldsInput } from '@/lib/validation/tickets';
import { getSettings } from './settings';
import { assertFreshVersion, type EditedField } from './ticket-conflict';
import { journeyStageStep, tagsStep, touchpointStep } from './ticket-cx';
import { assignmentStep, priorityStep, statusStep, type StepContext } from './ticket-fields';
import { bumpVersion, lockTicket, type EventActor, type TicketRow } from './ticket-write';

/** Any subset of a ticket's editable fields; `tags` is the whole new set. */
export interface TicketFieldChanges {
  status?: TicketStatus;
  priority?: Priority;
  assigneeId?: number | null;
  teamId?: number | null;
  journeyStage?: string | null;
  touchpoint?: string | null;
  tags?: string[];
}

function editedFields(c: TicketFieldChanges): EditedField[] {
  const fields: [EditedField, unknown][] = [
    ['status', c.status],
    ['priority', c.priority],
    ['assignee', c.assigneeId],
    ['team', c.teamId],
    ['journey_stage', c.journeyStage],
    ['touchpoint', c.touchpoint],
    ['tags', c.tags],
  ];
  return fields.filter(([, v]) => v !== undefined).map(([f]) => f);
}

/**
 * Several field edits made against one version (the API's PATCH): all of them or none, in one
 * transaction, one ticket_event per field that changed, and the version bumped once.
 */
export async function editTicketFields(
  db: Db,
  input: { ticketId: number; version: number; actor: EventActor; changes: TicketFieldChanges; at?: Date },
): Promise<TicketRow> {
  const { changes } = input;
  const fields = editedFields(changes);
  if (fields.length === 0) throw new ServiceError('invalid', 'Send at least one field to change, with the version you saw.');
  return db.transaction(async (tx) => {
    const settings = await getSettings(tx);
    let row = await lockTicket(tx, input.ticketId);
    await assertFreshVersion(tx, row, input.version, fields);
    // One time for the whole edit: its events share it, which is how a conflict tells one edit's changes apart.
    const at = input.at ?? new Date();
    const ctx = (): StepContext => ({ actor: input.actor, at, settings, set: row.version === input.version ? bumpVersion : {} });

    if (changes.status !== undefined) row = await statusStep(tx, row, changes.status, ctx());
    if (changes.priority !== undefined) row = await priorityStep(tx, row, changes.priority, ctx());
    if (changes.assigneeId !== undefined || changes.teamId !== undefined) {
      row = await assignmentStep(tx, row, { assigneeId: changes.assigneeId !== undefined ? changes.assigneeId : row.assigneeId, teamId: changes.teamId }, ctx());
    }
    if (changes.journeyStage !== undefined) row = await journeyStageStep(tx, row, changes.journeyStage, ctx());
    if (changes.touchpoint !== undefined) row = await touchpointStep(tx, row, changes.touchpoint, ctx());
    if (changes.tags !== undefined) row = await tagsStep(tx, row, changes.tags, ctx());
    return row;
  });
}

/** The API's snake_case body as the service's changes. */
export function fieldChangesFrom(input: TicketFieldsInput): TicketFieldChanges {
  return {
    status: input.status,
    priority: input.priority,
    assigneeId: input.assignee_id,
    teamId: input.team_id,
    journeyStage: input.journey_stage,
    touchpoint: input.touchpoint,
    tags: input.tags,
  };
}
