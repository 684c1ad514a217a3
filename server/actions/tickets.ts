'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import type { ActionResult } from '@/lib/errors';
import { agentMessageSchema, ticketFieldsActionSchema } from '@/lib/validation/tickets';
import { requireStaff } from '../auth/session';
import { editTicketFields, fieldChangesFrom } from '../services/ticket-edit';
import { withUploads } from '../services/attachments';
import { addMessageWithMacro } from '../services/macro-reply';
import { usableMacro } from '../services/macros';
import { addMessage } from '../services/ticket-messages';
import { eventActorOf } from '../services/ticket-write';
import { idempotencyScope } from '../http/idempotency';
import { idempotentAction } from './idempotent-action';
import { parseInput, runAction } from './run-action';
import { parseWithUploads } from './uploads';

/**
 * An agent's public reply or internal note with its attachments, optionally with a status in the same
 * step, and with the actions of the macro it was written from. Under the form's per-submission key: a double
 * click or a resend posts once.
 */
export async function agentMessageAction(form: FormData): Promise<ActionResult<{ status: string; version: number }>> {
  return runAction(async () => {
    const staff = await requireStaff('ticket:note');
    const { input, uploads } = await parseWithUploads(agentMessageSchema, form);
    if (input.visibility === 'public') await requireStaff('ticket:reply');
    if (input.status) await requireStaff('ticket:update');
    const db = await getDb();
    const macro = input.macroId ? await usableMacro(db, staff, input.macroId) : null;
    if (macro && Object.keys(macro.actions).length) await requireStaff('ticket:update');
    const sent = await idempotentAction(form, { scope: idempotencyScope.actor(staff), action: 'ticket.message' }, async (tx) => {
      const { ticket } = await withUploads(uploads, (attachments) => {
        const message = {
          ticketId: input.ticketId,
          body: input.body,
          authorKind: 'agent' as const,
          authorUserId: staff.id,
          visibility: input.visibility,
          setStatus: input.status,
          attachments,
        };
        return macro ? addMessageWithMacro(tx, message, macro.actions) : addMessage(tx, message);
      });
      return { status: ticket.status, version: ticket.version };
    });
    revalidatePath(`/tickets/${input.ticketId}`);
    return sent;
  });
}

/**
 * A field edit from the ticket page (status, priority, assignee, team, stage, touchpoint, tags), made
 * against the version the agent was looking at. A stale version comes back as a conflict that names the
 * current value; nothing is saved then.
 */
export async function editTicketAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  return runAction(async () => {
    const staff = await requireStaff('ticket:update');
    const { ticketId, version, ...fields } = parseInput(ticketFieldsActionSchema, input);
    const ticket = await editTicketFields(await getDb(), { ticketId, version, actor: eventActorOf(staff), changes: fieldChangesFrom({ version, ...fields }) });
    revalidatePath(`/tickets/${ticket.id}`);
    return { version: ticket.version };
  });
}
