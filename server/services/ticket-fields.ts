import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { teams, users } from '@/db/schema';
import { ServiceError } from '@/lib/errors';
import type { Priority, TicketStatus } from '@/lib/domain/ticket-values';
import { notifyStatusChange } from './portal-notify';
import { nextRoundRobinAgent } from './round-robin';
import { getSettings } from './settings';
import { assertFreshVersion, type EditedField } from './ticket-conflict';
import { bumpVersion, lockTicket, recordTicketEvent, type EventActor, type TicketRow, type RecordOptions } from './ticket-write';

export interface FieldEdit {
  ticketId: number;
  /** The version the edit was made against; omit only for system jobs and imports. */
  version?: number;
  actor: EventActor;
  at?: Date;
}

/** What one field step needs besides the locked row: who, when, the settings, and the columns to write with it. */
export interface StepContext {
  actor: EventActor;
  at: Date;
  settings: RecordOptions['settings'];
  /** Extra columns for the event's update: the version bump, once per edit. */
  set: RecordOptions['set'];
}

/**
 * One field edit on its own: a transaction that locks the ticket, checks the version the agent saw
 * (a stale one gets a conflict naming the current value) and runs the step.
 */
export async function singleFieldEdit(
  db: Db,
  input: FieldEdit,
  field: EditedField,
  step: (tx: Db, row: TicketRow, ctx: StepContext) => Promise<TicketRow>,
): Promise<TicketRow> {
  return db.transaction(async (tx) => {
    const settings = await getSettings(tx);
    const row = await lockTicket(tx, input.ticketId);
    if (input.version !== undefined) await assertFreshVersion(tx, row, input.version, [field]);
    return step(tx, row, { actor: input.actor, at: input.at ?? new Date(), settings, set: bumpVersion });
  });
}

export async function statusStep(
  tx: Db,
  row: TicketRow,
  status: TicketStatus,
  ctx: StepContext,
  options: { onlyIf?: (row: TicketRow) => boolean; notify?: boolean } = {},
): Promise<TicketRow> {
  if (row.status === status) return row;
  if (options.onlyIf && !options.onlyIf(row)) return row;
  if (row.status === 'closed') throw new ServiceError('ticket_closed', 'This ticket is closed; its status can no longer change.');
  const updated = await recordTicketEvent(tx, row, { type: 'status', at: ctx.at, data: { from: row.status, to: status } }, ctx.actor, {
    settings: ctx.settings,
    set: ctx.set,
  });
  if (options.notify !== false) await notifyStatusChange(tx, row, updated);
  return updated;
}

/**
 * Changes a ticket's status (field edit: version-checked, bumps the version). A system job passes
 * `onlyIf`, checked on the locked row: when it no longer holds (the customer replied meanwhile), nothing changes.
 */
export async function changeStatus(
  db: Db,
  input: FieldEdit & { status: TicketStatus; onlyIf?: (row: TicketRow) => boolean; notify?: boolean },
): Promise<TicketRow> {
  return singleFieldEdit(db, input, 'status', (tx, row, ctx) => statusStep(tx, row, input.status, ctx, input));
}

/** Without a team, the ticket keeps its own, or takes the assignee's when it has none. */
export async function assignmentStep(
  tx: Db,
  row: TicketRow,
  change: { assigneeId: number | null; teamId?: number | null },
  ctx: StepContext,
): Promise<TicketRow> {
  if (change.assigneeId !== null && change.assigneeId !== row.assigneeId) await assertActiveStaff(tx, change.assigneeId);
  if (change.teamId != null && change.teamId !== row.teamId) await assertTeam(tx, change.teamId);
  const teamId = change.teamId !== undefined ? change.teamId : (row.teamId ?? (await teamOf(tx, change.assigneeId)));
  // A ticket routed to a round-robin team without an assignee goes to that team's next available agent.
  const assigneeId = change.assigneeId ?? (teamId !== row.teamId ? await nextRoundRobinAgent(tx, teamId, ctx.at) : null);
  if (row.assigneeId === assigneeId && row.teamId === teamId) return row;
  return recordTicketEvent(tx, row, { type: 'assignment', at: ctx.at, data: { assigneeId, teamId } }, ctx.actor, {
    settings: ctx.settings,
    set: { ...ctx.set, assigneeId, teamId },
  });
}

/** Assigns a ticket to an agent and/or team (null clears either). */
export async function assignTicket(db: Db, input: FieldEdit & { assigneeId: number | null; teamId?: number | null }): Promise<TicketRow> {
  return singleFieldEdit(db, input, 'assignee', (tx, row, ctx) => assignmentStep(tx, row, input, ctx));
}

async function assertActiveStaff(tx: Db, staffId: number): Promise<void> {
  const [staff] = await tx.select({ deactivatedAt: users.deactivatedAt }).from(users).where(eq(users.id, staffId));
  if (!staff || staff.deactivatedAt) {
    throw new ServiceError('invalid', 'That staff member does not exist or has been deactivated. Choose someone from the list.', {
      fieldErrors: { assigneeId: ['Choose someone from the list'] },
    });
  }
}

async function assertTeam(tx: Db, teamId: number): Promise<void> {
  const [team] = await tx.select({ id: teams.id }).from(teams).where(eq(teams.id, teamId));
  if (!team) throw new ServiceError('invalid', 'That team does not exist. Choose one from the list.', { fieldErrors: { teamId: ['Choose a team from the list'] } });
}

async function teamOf(tx: Db, staffId: number | null): Promise<number | null> {
  if (staffId === null) return null;
  const [staff] = await tx.select({ teamId: users.teamId, active: users.deactivatedAt }).from(users).where(eq(users.id, staffId));
  if (!staff) throw new ServiceError('invalid', 'That staff member does not exist.');
  return staff.teamId;
}

export async function priorityStep(tx: Db, row: TicketRow, priority: Priority, ctx: StepContext): Promise<TicketRow> {
  if (row.priority === priority) return row;
  return recordTicketEvent(tx, row, { type: 'priority', at: ctx.at, data: { from: row.priority, to: priority } }, ctx.actor, {
    settings: ctx.settings,
    set: ctx.set,
  });
}

export async function changePriority(db: Db, input: FieldEdit & { priority: Priority }): Promise<TicketRow> {
  return singleFieldEdit(db, input, 'priority', (tx, row, ctx) => priorityStep(tx, row, input.priority, ctx));
}
