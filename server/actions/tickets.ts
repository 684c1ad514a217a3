'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import type { ActionResult } from '@/lib/errors';
import { agentMessageSchema, statusChangeSchema } from '@/lib/validation/tickets';
import { requireStaff } from '../auth/session';
import { changeStatus } from '../services/ticket-fields';
import { withUploads } from '../services/attachments';
import { addMessageWithMacro } from '../services/macro-reply';
import { usableMacro } from '../services/macros';
import { addMessage } from '../services/ticket-messages';
import { eventActorOf } from '../services/ticket-write';
import { formToObject, parseInput, runAction } from './run-action';
import { parseWithUploads } from './uploads';

/**
 * An agent's public reply or internal note with its attachments, optionally with a status in the same
 * step, and with the actions of the macro it was written from.
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
      return macro ? addMessageWithMacro(db, message, macro.actions) : addMessage(db, message);
    });
    revalidatePath(`/tickets/${ticket.id}`);
    return { status: ticket.status, version: ticket.version };
  });
}

/** A status change made against the version the agent was looking at. */
export async function changeStatusAction(form: FormData): Promise<ActionResult<{ status: string; version: number }>> {
  return runAction(async () => {
    const staff = await requireStaff('ticket:update');
    const input = parseInput(statusChangeSchema, formToObject(form));
    const ticket = await changeStatus(await getDb(), {
      ticketId: input.ticketId,
      status: input.status,
      version: input.version,
      actor: eventActorOf(staff),
    });
    revalidatePath(`/tickets/${ticket.id}`);
    return { status: ticket.status, version: ticket.version };
  });
}
