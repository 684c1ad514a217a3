import { NextResponse } from 'next/server';
import { ServiceError } from '@/lib/errors';
import { logger } from '@/lib/logger';
import type { CustomerActor } from '@/lib/domain/permissions';
import { getActor } from '../auth/session';
import type { PortalTicket } from '../queries/portal';
import { outageFailure } from '../unavailable';
import { apiError } from './api';
import { readJson } from './input';

/**
 * Wraps a portal JSON route: every expected failure is `{ error: { code, message, details? } }` with
 * its status (404 for anything the caller may not see, 429 with Retry-After past a limit, 503 with
 * Retry-After while the database is unavailable), and an unexpected one is logged and answered with a
 * generic 500.
 */
export function portalRoute<C>(handler: (ctx: { request: Request; params: C }) => Promise<Response>) {
  return async (request: Request, context: { params: Promise<C> }): Promise<Response> => {
    try {
      return await handler({ request, params: await context.params });
    } catch (error) {
      if (error instanceof ServiceError) return apiError(error);
      const context = { requestId: request.headers.get('x-request-id'), url: request.url };
      const outage = outageFailure(error, context);
      if (outage) return apiError(outage);
      logger.error({ err: error, ...context }, 'portal api request failed');
      return NextResponse.json({ error: { code: 'internal', message: 'Something went wrong on our side.' } }, { status: 500 });
    }
  };
}

/** The signed-in customer, or 401. Staff sessions do not use the portal API. */
export async function requireApiCustomer(): Promise<CustomerActor> {
  const actor = await getActor();
  if (!actor) throw new ServiceError('unauthenticated', 'Sign in to the portal first.');
  if (actor.kind !== 'customer') throw new ServiceError('forbidden', 'The portal API is for customers.');
  return actor;
}

/** A JSON body (strictly UTF-8), or a 400 a person can act on. */
export const jsonBody = (request: Request): Promise<unknown> => readJson(request);

export const notFound = () => new ServiceError('not_found', 'That request does not exist, or the link has expired.');

/**
 * A request as JSON: the customer-visible fields only (the same whitelist as the portal page). Files link to
 * `downloadBase`/{id}: the account's or the guest link's own download route, which re-checks access.
 */
export function portalRequestJson(request: PortalTicket, downloadBase: string) {
  return {
    key: request.publicKey,
    subject: request.subject,
    reference: request.reference,
    status: request.status,
    created_at: request.createdAt.toISOString(),
    last_update_at: request.lastPublicActivityAt.toISOString(),
    journey_stage: request.journeyStage,
    touchpoint: request.touchpoint,
    follow_up_of: request.followUpOfKey,
    merged_into: request.mergedIntoKey,
    rating: request.rating,
    messages: request.thread.map((m) => ({
      from: m.authorKind === 'customer' ? 'you' : 'support',
      name: m.staffName,
      body: m.body,
      created_at: m.createdAt.toISOString(),
      attachments: m.attachments.map((a) => ({
        attachment_id: a.id,
        file_name: a.fileName,
        content_type: a.contentType,
        size_bytes: a.sizeBytes,
        download_url: `${downloadBase}/${a.id}`,
      })),
    })),
  };
}
