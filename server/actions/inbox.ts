'use server';

import { revalidatePath } from 'next/cache';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { savedViews } from '@/db/schema';
import { deleteViewSchema, saveViewSchema } from '@/lib/validation/inbox';
import { ServiceError, type ActionResult } from '@/lib/errors';
import { bulkEditSchema, bulkValueSchemas } from '@/lib/validation/bulk';
import { requireStaff } from '../auth/session';
import { assignTicket, changePriority, changeStatus } from '../services/ticket-fields';
import { addTags } from '../services/ticket-tags';
import { eventActorOf } from '../services/ticket-write';
import { formToObject, parseInput, runAction } from './run-action';

export interface BulkResult {
  changed: number;
  failed: { id: number; message: string }[];
}

/**
 * One change on many tickets. Each ticket goes through the same service as a single edit (facts and events
 * included) in its own transaction, so one failure does not undo the others; the result says which failed.
 */
export async function bulkEditAction(form: FormData): Promise<ActionResult<BulkResult>> {
  return runAction(async () => {
    const staff = await requireStaff('ticket:update');
    const { ids, action, value } = parseInput(bulkEditSchema, formToObject(form));
    const parsed = parseInput(z.object({ value: bulkValueSchemas[action] }), { value });
    const db = await getDb();
    const actor = eventActorOf(staff);
    const result: BulkResult = { changed: 0, failed: [] };
    for (const ticketId of ids) {
      try {
        if (action === 'assign') {
          const v = parsed.value;
          await assignTicket(db, { ticketId, actor, assigneeId: v === 'me' ? staff.id : v === 'none' ? null : Number(v) });
        } else if (action === 'status') await changeStatus(db, { ticketId, actor, status: bulkValueSchemas.status.parse(value) });
        else if (action === 'priority') await changePriority(db, { ticketId, actor, priority: bulkValueSchemas.priority.parse(value) });
        else await addTags(db, { ticketId, actor, tagKeys: [value] });
        result.changed++;
      } catch (error) {
        if (!(error instanceof ServiceError)) throw error;
        result.failed.push({ id: ticketId, message: error.message });
      }
    }
    revalidatePath('/inbox');
    return result;
  });
}

/** "Assign to me" on one ticket (the `a` shortcut). */
export async function assignToMeAction(form: FormData): Promise<ActionResult<{ ticketId: number }>> {
  return runAction(async () => {
    const staff = await requireStaff('ticket:update');
    const { ids } = parseInput(bulkEditSchema.pick({ ids: true }), formToObject(form));
    for (const ticketId of ids) await assignTicket(await getDb(), { ticketId, actor: eventActorOf(staff), assigneeId: staff.id });
    return { ticketId: ids[0] };
  });
}

/** Saves the inbox's current filters and sort under a name, private or shared with the team. */
export async function saveViewAction(form: FormData): Promise<ActionResult<{ id: number }>> {
  return runAction(async () => {
    const staff = await requireStaff('ticket:read');
    const input = parseInput(saveViewSchema, formToObject(form));
    const filters = input.params;
    if (input.shared && !staff.teamId) throw new ServiceError('invalid', 'You are not in a team, so there is no team to share this view with.', { fieldErrors: { shared: ['You are not in a team'] } });
    const [view] = await (await getDb())
      .insert(savedViews)
      .values({ name: input.name, ownerId: staff.id, sharedWithTeamId: input.shared ? staff.teamId : null, filters })
      .returning({ id: savedViews.id });
    revalidatePath('/inbox');
    return { id: view.id };
  });
}

/** Deletes one of the caller's own saved views. */
export async function deleteViewAction(form: FormData): Promise<ActionResult<undefined>> {
  return runAction(async () => {
    const staff = await requireStaff('ticket:read');
    const { id } = parseInput(deleteViewSchema, formToObject(form));
    const deleted = await (await getDb()).delete(savedViews).where(and(eq(savedViews.id, id), eq(savedViews.ownerId, staff.id))).returning({ id: savedViews.id });
    if (deleted.length === 0) throw new ServiceError('not_found', 'That view does not exist, or it is not yours to delete.');
    revalidatePath('/inbox');
    return undefined;
  });
}
