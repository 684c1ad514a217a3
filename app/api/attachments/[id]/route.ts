import { getDb } from '@/server/db';
import { apiRoute } from '@/server/http/api';
import { attachmentIdOf, attachmentResponse } from '@/server/http/attachment-response';
import { findStaffAttachment } from '@/server/queries/attachments';

/** GET /api/attachments/{id}: any attachment, notes included, for staff (session or API token). */
export const GET = apiRoute<{ id: string }>('ticket:read', async ({ params }) => {
  return attachmentResponse(await findStaffAttachment(await getDb(), attachmentIdOf(params.id)));
});
