import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import { ServiceError } from '@/lib/errors';
import type { Priority, TicketStatus } from '@/lib/domain/ticket-values';
import { notifyStatusChange } from './portal-notify';
import { nextRoundRobinAgent } from './round-robin';
import { getSettings } from './settings';
import { assertVersion, bumpVersion, lockTicket, recordTicketEvent, type EventActor, type TicketRow } from './ticket-write';

interface FieldEdit {
  ticketId: number;
  /** The version the edit was made against; omit only for system jobs and imports. */
  version?: number;
  actor: EventActor;
  at?: Date;
}

/**
 * Changes a ticket's status (field edit: version-checked, bumps the version). A system job passes
 * `onlyIf`, checked on the locked row: when it no longer holds (the customer replied meanwhile), nothing changes.
 */
export async function changeStatus(
  db: Db,
  input: FieldEdit & { status: TicketStatus; onlyIf?: (row: TicketRow) => boolean; notify?: boolean },
): Promise<TicketRow> {
  return db.transaction(async (tx) => {
    const settings = await getSettings(tx);
    const row = await lockTicket(tx, input.ticketId);
    if (input.version !== undefined) assertVersion(row, input.version);
    if (row.status === input.status) return row;
    if (input.onlyIf && !input.onlyIf(row)) return row;
    if (row.status === 'closed') throw new ServiceError('ticket_closed', 'This ticket is closed; its status can no longer change.');
    const updated = await recordTicketEvent(
      tx,
      row,
      { type: 'status', at: input.at ?? new Date(), data: { from: row.status, to: input.status } },
      input.actor,
      { settings, set: bumpVersion },
    );
    if (input.notify !== false) await notifyStatusChange(tx, row, updated);
    return updated;
  });
}

/**
 * Assigns a ticket to an agent and/or team (null clears either). Without a team, the ticket keeps its
 * own, or takes the assignee's when it has none.
 */
export async function assignTicket(
  db: Db,
  input: FieldEdit & { assigneeId: number | null; teamId?: number | null },
): Promise<TicketRow> {
  return db.transaction(async (tx) => {
    const settings = await getSettings(tx);
    const row = await lockTicket(tx, input.ticketId);
    if (input.version !== undefined) assertVersion(row, input.version);
    const teamId = input.teamId !== undefined ? input.teamId : (row.teamId ?? (await teamOf(tx, input.assigneeId)));
    // A ticket routed to a round-robin team without an assignee goes to that team's next available agent.
    const at = input.at ?? new Date();
    const assigneeId = input.assigneeId ?? (teamId !== row.teamId ? await nextRoundRobinAgent(tx, teamId, at) : null);
    if (row.assigneeId === assigneeId && row.teamId === teamId) return row;
    return recordTicketEvent(
      tx,
      row,
      { type: 'assignment', at, data: { assigneeId, teamId } },
      input.actor,
      { settings, set: { ...bumpVersion, assigneeId, teamId } },
    );
  });
}

async function teamOf(tx: Db, staffId: number | null): Promise<number | null> {
  if (staffId === null) return null;
  const [staff] = await tx.select({ teamId: users.teamId, active: users.deactivatedAt }).from(users).where(eq(users.id, staffId));
  if (!staff) throw new ServiceError('invalid', 'That staff member does not exist.');
  return staff.teamId;
}

export async function changePriority(db: Db, input: FieldEdit & { priority: Priority }): Promise<TicketRow> {
  return db.transaction(async (tx) => {
    const settings = await getSettings(tx);
    const row = await lockTicket(tx, input.ticketId);
    if (input.version !== undefined) assertVersion(row, input.version);
    if (row.priority === input.priority) return row;
    return recordTicketEvent(
      tx,
      row,
      { type: 'priority', at: input.at ?? new Date(), data: { from: row.priority, to: input.priority } },
      input.actor,
      { settings, set: bumpVersion },
    );
  });
}
