import { NextResponse } from 'next/server';
import { getDb } from '@/server/db';
import { getActor } from '@/server/auth/session';
import { clientIp } from '@/server/http/client-ip';
import { parseBody } from '@/server/http/input';
import { idempotencyScope, idempotentJson } from '@/server/http/idempotency';
import { jsonBody, portalRoute, requireApiCustomer } from '@/server/http/portal-api';
import { portalLinks } from '@/server/mail/links';
import { listCustomerRequests, portalScopeOf } from '@/server/queries/portal';
import { portalLimits } from '@/server/services/portal-entry';
import { submitAccountRequest, submitGuestRequest } from '@/server/services/portal-requests';
import { ServiceError } from '@/lib/errors';
import { guestRequestSchema } from '@/lib/validation/portal';
import { portalRequestSchema } from '@/lib/validation/tickets';

/** GET /api/portal/requests: the signed-in customer's requests, with status and last update. */
export const GET = portalRoute(async () => {
  const customer = await requireApiCustomer();
  const rows = await listCustomerRequests(await getDb(), portalScopeOf(customer));
  return NextResponse.json({
    requests: rows.map((r) => ({ key: r.publicKey, subject: r.subject, status: r.status, created_at: r.createdAt.toISOString(), last_update_at: r.lastPublicActivityAt.toISOString() })),
  });
});

/**
 * POST /api/portal/requests: submit, signed in or as a guest (with `email`); 429 with Retry-After past the limits.
 * With an Idempotency-Key, a retry gets the first answer (a guest's key is scoped to the IP and the address).
 */
export const POST = portalRoute(async ({ request }) => {
  const actor = await getActor();
  if (actor?.kind === 'staff') throw new ServiceError('forbidden', 'Staff open tickets from the inbox, not from the portal.');
  const body = await jsonBody(request);
  const db = await getDb();
  const ip = clientIp(request.headers);
  if (actor) {
    const input = parseBody(portalRequestSchema, body);
    return idempotentJson(db, request, { scope: idempotencyScope.actor(actor), body, beforeWrite: () => portalLimits.accountSubmit(db, actor.id, ip) }, async (tx) => {
      const ticket = await submitAccountRequest(tx, actor.id, input);
      return { status: 201, body: { key: ticket.publicKey, status: ticket.status } };
    });
  }
  const input = parseBody(guestRequestSchema, body);
  return idempotentJson(db, request, { scope: idempotencyScope.anonymous(ip, input.email), body, beforeWrite: () => portalLimits.guestSubmit(db, input.email, ip) }, async (tx) => {
    const { ticket, token } = await submitGuestRequest(tx, input);
    return { status: 201, body: { key: ticket.publicKey, status: ticket.status, tracking_link: portalLinks.guest(token) } };
  });
});
