import { NextResponse } from 'next/server';
import { getDb } from '@/server/db';
import { parsePathParam } from '@/server/http/input';
import { notFound, portalRequestJson, portalRoute } from '@/server/http/portal-api';
import { getGuestTicket } from '@/server/queries/portal';
import { guestTicketId } from '@/server/services/portal-requests';
import { portalTokenSchema } from '@/lib/validation/portal';

/** GET /api/portal/track/{token}: a guest's request by private link; expired or guessed links are 404. */
export const GET = portalRoute<{ token: string }>(async ({ params }) => {
  const token = parsePathParam(portalTokenSchema, params.token, 'token', notFound());
  const db = await getDb();
  const { ticketId } = await guestTicketId(db, token);
  const request = await getGuestTicket(db, ticketId);
  if (!request) throw notFound();
  return NextResponse.json({ request: portalRequestJson(request, `/api/portal/track/${token}/attachments`) }, { headers: { 'referrer-policy': 'no-referrer' } });
});
