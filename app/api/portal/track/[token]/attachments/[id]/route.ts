import { getDb } from '@/server/db';
import { attachmentIdOf, attachmentResponse } from '@/server/http/attachment-response';
import { portalRoute } from '@/server/http/portal-api';
import { findGuestAttachment } from '@/server/queries/attachments';
import { guestTicketId } from '@/server/services/portal-requests';

/** GET /api/portal/track/{token}/attachments/{id}: a public file on the one request behind a live guest link. */
export const GET = portalRoute<{ token: string; id: string }>(async ({ params }) => {
  const db = await getDb();
  const { ticketId } = await guestTicketId(db, params.token);
  return attachmentResponse(await findGuestAttachment(db, attachmentIdOf(params.id), ticketId));
});
