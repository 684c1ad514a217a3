'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { ServiceError, type ActionResult } from '@/lib/errors';
import { linkSchema, mergeSchema } from '@/lib/validation/tickets';
import { requireStaff } from '../auth/session';
import { findTicketSummary } from '../queries/related-tickets';
import { mergeTickets } from '../services/merge';
import { linkTickets, unlinkTickets } from '../services/ticket-links';
import { formToObject, parseInput, runAction } from './run-action';

/** The merge dialog's preview: the target's subject, status and requester, before anything is written. */
export async function previewMergeTargetAction(form: FormData): Promise<ActionResult<{ id: number; subject: string; status: string; customer: string; mergedIntoId: number | null }>> {
  return runAction(async () => {
    await requireStaff('ticket:update');
    const { targetId } = parseInput(mergeSchema, formToObject(form));
    const row = await findTicketSummary(await getDb(), targetId);
    if (!row) throw new ServiceError('not_found', `There is no ticket #${targetId}.`, { fieldErrors: { targetId: [`There is no ticket #${targetId}`] } });
    return row;
  });
}

export async function mergeTicketAction(form: FormData): Promise<ActionResult<{ targetId: number }>> {
  return runAction(async () => {
    const staff = await requireStaff('ticket:update');
    const input = parseInput(mergeSchema, formToObject(form));
    await mergeTickets(await getDb(), { duplicateId: input.ticketId, targetId: input.targetId, userId: staff.id });
    revalidatePath(`/tickets/${input.ticketId}`);
    revalidatePath(`/tickets/${input.targetId}`);
    return { targetId: input.targetId };
  });
}

export async function linkTicketAction(form: FormData): Promise<ActionResult<{ otherId: number }>> {
  return runAction(async () => {
    const staff = await requireStaff('ticket:update');
    const input = parseInput(linkSchema, formToObject(form));
    await linkTickets(await getDb(), { ticketId: input.ticketId, otherId: input.otherId, userId: staff.id });
    revalidatePath(`/tickets/${input.ticketId}`);
    return { otherId: input.otherId };
  });
}

export async function unlinkTicketAction(form: FormData): Promise<ActionResult<{ otherId: number }>> {
  return runAction(async () => {
    await requireStaff('ticket:update');
    const input = parseInput(linkSchema, formToObject(form));
    await unlinkTickets(await getDb(), input);
    revalidatePath(`/tickets/${input.ticketId}`);
    return { otherId: input.otherId };
  });
}
