import { NextResponse } from 'next/server';
import { getDb } from '@/server/db';
import { ServiceError } from '@/lib/errors';
import { idSchema } from '@/lib/validation/common';
import { ticketFieldsSchema } from '@/lib/validation/tickets';
import { parseInput } from '@/server/actions/run-action';
import { apiRoute } from '@/server/http/api';
import { currentFieldValues } from '@/server/services/ticket-conflict';
import { editTicketFields, fieldChangesFrom } from '@/server/services/ticket-edit';
import { eventActorOf } from '@/server/services/ticket-write';

/**
 * Edits a ticket's fields as the caller: `{ "version": 3, "status"?, "priority"?, "assignee_id"?, "team_id"?,
 * "journey_stage"?, "touchpoint"?, "tags"? }`. All of them or none; a stale version gets 409 with the
 * current values in `details.current`.
 */
export const PATCH = apiRoute<{ id: string }>('ticket:update', async ({ request, actor, params }) => {
  const id = idSchema.safeParse(params.id);
  if (!id.success) throw new ServiceError('not_found', 'That ticket does not exist.');
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new ServiceError('invalid', 'Send a JSON object, like { "version": 3, "status": "pending" }.');
  }
  const input = parseInput(ticketFieldsSchema, body);
  if (actor.kind !== 'staff') throw new ServiceError('forbidden', 'Only staff can edit tickets.');
  const db = await getDb();
  const ticket = await editTicketFields(db, { ticketId: id.data, version: input.version, actor: eventActorOf(actor), changes: fieldChangesFrom(input) });
  return NextResponse.json({ ticket: { id: ticket.id, ...(await currentFieldValues(db, ticket)) } });
});
