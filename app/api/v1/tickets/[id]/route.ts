import { NextResponse } from 'next/server';
import { getDb } from '@/server/db';
import { ServiceError } from '@/lib/errors';
import { ticketFieldsSchema, ticketIdParam } from '@/lib/validation/tickets';
import { apiRoute } from '@/server/http/api';
import { parseBody, parsePathParam, readJson } from '@/server/http/input';
import { currentFieldValues } from '@/server/services/ticket-conflict';
import { editTicketFields, fieldChangesFrom } from '@/server/services/ticket-edit';
import { eventActorOf } from '@/server/services/ticket-write';

/**
 * Edits a ticket's fields as the caller: `{ "version": 3, "status"?, "priority"?, "assignee_id"?, "team_id"?,
 * "journey_stage"?, "touchpoint"?, "tags"? }`. All of them or none; a stale version gets 409 with the
 * current values in `details.current`.
 */
export const PATCH = apiRoute<{ id: string }>('ticket:update', async ({ request, actor, params }) => {
  const id = parsePathParam(ticketIdParam, params.id, 'id', { code: 'not_found', message: 'That ticket does not exist.' });
  const input = parseBody(ticketFieldsSchema, await readJson(request, '{ "version": 3, "status": "pending" }'));
  if (actor.kind !== 'staff') throw new ServiceError('forbidden', 'Only staff can edit tickets.');
  const db = await getDb();
  const ticket = await editTicketFields(db, { ticketId: id, version: input.version, actor: eventActorOf(actor), changes: fieldChangesFrom(input) });
  return NextResponse.json({ ticket: { id: ticket.id, ...(await currentFieldValues(db, ticket)) } });
});
