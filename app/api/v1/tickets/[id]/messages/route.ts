import { getDb } from '@/server/db';
import { can } from '@/lib/domain/permissions';
import { ServiceError } from '@/lib/errors';
import { agentMessageSchema, ticketIdParam } from '@/lib/validation/tickets';
import type { UploadCandidate } from '@/lib/attachments/check';
import { parseWithUploads } from '@/server/actions/uploads';
import { apiRoute } from '@/server/http/api';
import { formFingerprint, idempotencyScope, idempotentJson } from '@/server/http/idempotency';
import { parseBody, parsePathParam, readJson } from '@/server/http/input';
import { withUploads } from '@/server/services/attachments';
import { addMessage } from '@/server/services/ticket-messages';

/** JSON, or multipart/form-data with the same fields plus `attachments` files; `sent` is what an Idempotency-Key's hash covers. */
async function readMessage(request: Request, ticketId: number): Promise<{ input: ReturnType<typeof agentMessageSchema.parse>; uploads: UploadCandidate[]; sent: unknown }> {
  if (request.headers.get('content-type')?.toLowerCase().startsWith('multipart/form-data')) {
    const form = await request.formData().catch(() => {
      throw new ServiceError('invalid', 'The multipart body could not be read. Send fields "body" and "visibility", and files as "attachments".');
    });
    return { ...(await parseWithUploads(agentMessageSchema, form, { ticketId })), sent: () => formFingerprint(form) };
  }
  const body = await readJson(request, '{ "body": "Thanks, fixed.", "visibility": "public" }');
  if (typeof body !== 'object' || body === null || Array.isArray(body)) parseBody(agentMessageSchema, body); // 400: the body must be an object
  return { input: parseBody(agentMessageSchema, { ...(body as object), ticketId }), uploads: [], sent: body };
}

/**
 * Adds a public reply or an internal note as the caller: `{ "body": "…", "visibility": "public" | "internal",
 * "status"?: "solved" }`, as JSON or as multipart with files in `attachments`. Replies and notes never
 * conflict (no version); the same rules as the ticket page. With an Idempotency-Key, a retry gets the first
 * answer (Idempotent-Replayed: true) and posts nothing.
 */
export const POST = apiRoute<{ id: string }>('ticket:note', async ({ request, actor, params }) => {
  const ticketId = parsePathParam(ticketIdParam, params.id, 'id', { code: 'invalid', message: 'The ticket id must be a positive whole number.' });
  const { input, uploads, sent } = await readMessage(request, ticketId);
  if (actor.kind !== 'staff') throw new ServiceError('forbidden', 'Only staff can post to a ticket here.');
  if (input.visibility === 'public' && !can(actor, 'ticket:reply')) throw new ServiceError('forbidden', 'Your role cannot reply publicly.');
  if (input.status && !can(actor, 'ticket:update')) throw new ServiceError('forbidden', 'Your role cannot change the status.');
  return idempotentJson(await getDb(), request, { scope: idempotencyScope.actor(actor), body: sent }, async (db) => {
    const { ticket, messageId } = await withUploads(uploads, (attachments) =>
      addMessage(db, {
        ticketId: input.ticketId,
        body: input.body,
        authorKind: 'agent',
        authorUserId: actor.id,
        visibility: input.visibility,
        setStatus: input.status,
        attachments,
      }),
    );
    return { status: 201, body: { message_id: messageId, attachments: uploads.length, ticket: { id: ticket.id, status: ticket.status, version: ticket.version } } };
  });
});
