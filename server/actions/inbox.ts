'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
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
    const parsed = bulkValueSchemas[action].safeParse(value);
    if (!parsed.success) throw new ServiceError('invalid', parsed.error.issues[0]?.message ?? 'Choose a value.');
    const db = await getDb();
    const actor = eventActorOf(staff);
    const result: BulkResult = { changed: 0, failed: [] };
    for (const ticketId of ids) {
      try {
        if (action === 'assign') {
          const v = parsed.data;
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
