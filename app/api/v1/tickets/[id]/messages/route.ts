import { NextResponse } from 'next/server';
import { getDb } from '@/server/db';
import { can } from '@/lib/domain/permissions';
import { ServiceError } from '@/lib/errors';
import { agentMessageSchema } from '@/lib/validation/tickets';
import { parseInput } from '@/server/actions/run-action';
import { apiRoute } from '@/server/http/api';
import { addMessage } from '@/server/services/ticket-messages';

/**
 * Adds a public reply or an internal note as the caller: `{ "body": "…", "visibility": "public" | "internal",
 * "status"?: "solved" }`. Replies and notes never conflict (no version); the same rules as the ticket page.
 */
export const POST = apiRoute<{ id: string }>('ticket:note', async ({ request, actor, params }) => {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new ServiceError('invalid', 'Send a JSON object, like { "body": "Thanks, fixed.", "visibility": "public" }.');
  }
  const input = parseInput(agentMessageSchema, { ...(body as object), ticketId: params.id });
  if (actor.kind !== 'staff') throw new ServiceError('forbidden', 'Only staff can post to a ticket here.');
  if (input.visibility === 'public' && !can(actor, 'ticket:reply')) throw new ServiceError('forbidden', 'Your role cannot reply publicly.');
  if (input.status && !can(actor, 'ticket:update')) throw new ServiceError('forbidden', 'Your role cannot change the status.');
  const { ticket, messageId } = await addMessage(await getDb(), {
    ticketId: input.ticketId,
    body: input.body,
    authorKind: 'agent',
    authorUserId: actor.id,
    visibility: input.visibility,
    setStatus: input.status,
  });
  return NextResponse.json({ message_id: messageId, ticket: { id: ticket.id, status: ticket.status, version: ticket.version } }, { status: 201 });
});
