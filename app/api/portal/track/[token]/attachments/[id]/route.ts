import { getDb } from '@/server/db';
import { attachmentIdOf, attachmentResponse } from '@/server/http/attachment-response';
import { parsePathParam } from '@/server/http/input';
import { notFound, portalRoute } from '@/server/http/portal-api';
import { findGuestAttachment } from '@/server/queries/attachments';
import { guestTicketId } from '@/server/services/portal-requests';
import { portalTokenSchema } from '@/lib/validation/portal';

/** GET /api/portal/track/{token}/attachments/{id}: a public file on the one request behind a live guest link. */
export const GET = portalRoute<{ token: string; id: string }>(async ({ params }) => {
  const token = parsePathParam(portalTokenSchema, params.token, 'token', notFound());
  const id = attachmentIdOf(params.id);
  const db = await getDb();
  const { ticketId } = await guestTicketId(db, token);
  return attachmentResponse(await findGuestAttachment(db, id, ticketId));
});
