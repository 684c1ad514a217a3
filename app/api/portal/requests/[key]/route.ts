import { NextResponse } from 'next/server';
import { getDb } from '@/server/db';
import { parsePathParam } from '@/server/http/input';
import { notFound, portalRequestJson, portalRoute, requireApiCustomer } from '@/server/http/portal-api';
import { getPortalTicket, portalScopeOf } from '@/server/queries/portal';
import { publicKeySchema } from '@/lib/validation/tickets';

/** GET /api/portal/requests/{key}: one of the customer's own requests; anyone else's key is a 404. */
export const GET = portalRoute<{ key: string }>(async ({ params }) => {
  const customer = await requireApiCustomer();
  const key = parsePathParam(publicKeySchema, params.key, 'key', notFound());
  const request = await getPortalTicket(await getDb(), portalScopeOf(customer), key);
  if (!request) throw notFound();
  return NextResponse.json({ request: portalRequestJson(request, '/api/portal/attachments') });
});
