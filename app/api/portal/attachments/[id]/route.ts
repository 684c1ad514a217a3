import { getDb } from '@/server/db';
import { attachmentIdOf, attachmentResponse } from '@/server/http/attachment-response';
import { portalRoute, requireApiCustomer } from '@/server/http/portal-api';
import { findPortalAttachment } from '@/server/queries/attachments';
import { portalScopeOf, scopeWhere } from '@/server/queries/portal';

/**
 * GET /api/portal/attachments/{id}: a file on a public message of the signed-in customer's own request.
 * Another customer's file, or one on an internal note, is the same 404 as an unknown id.
 */
export const GET = portalRoute<{ id: string }>(async ({ params }) => {
  const customer = await requireApiCustomer();
  const id = attachmentIdOf(params.id);
  return attachmentResponse(await findPortalAttachment(await getDb(), id, scopeWhere(portalScopeOf(customer))));
});
