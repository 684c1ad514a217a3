import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { can, type Actor, type Permission } from '@/lib/domain/permissions';
import { HTTP_STATUS, ServiceError } from '@/lib/errors';
import { logger } from '@/lib/logger';
import { getActor } from '../auth/session';
import { staffForToken } from '../services/api-tokens';
import { outageFailure } from '../unavailable';

/** JSON errors for the API: `{ error: { code, message, details? } }` with the matching status. */
export function apiError(error: ServiceError): NextResponse {
  const { fieldErrors, retryAfterSeconds, current, changedBy } = error.details ?? {};
  const headers = retryAfterSeconds ? { 'Retry-After': String(retryAfterSeconds) } : undefined;
  const details = fieldErrors ?? (current ? { current, changed_by: changedBy } : undefined);
  return NextResponse.json(
    { error: { code: error.code, message: error.message, ...(details ? { details } : {}) } },
    { status: HTTP_STATUS[error.code], headers },
  );
}

/** The caller: a Bearer token when one is sent (even an invalid one), otherwise the session. */
export async function apiActor(request: Request): Promise<Actor | null> {
  const header = request.headers.get('authorization');
  if (header !== null) {
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (!token) throw new ServiceError('unauthenticated', 'Send the token as "Authorization: Bearer <token>".');
    const user = await staffForToken(await getDb(), token);
    if (!user) throw new ServiceError('unauthenticated', 'That API token is unknown or has been revoked.');
    return { kind: 'staff', id: user.id, role: user.role, teamId: user.teamId, name: user.name, email: user.email };
  }
  return getActor();
}

/**
 * Wraps an API route: authenticates, checks the permission, runs the handler and turns every
 * expected failure into a JSON error. A database outage is one of them: 503 `unavailable` with
 * Retry-After, so clients wait and retry instead of reporting a bug. Unexpected failures are logged once
 * and answered with a generic 500.
 */
export function apiRoute<C>(
  permission: Permission,
  handler: (ctx: { request: Request; actor: Actor; params: C }) => Promise<Response>,
) {
  return async (request: Request, context: { params: Promise<C> }): Promise<Response> => {
    try {
      const actor = await apiActor(request);
      if (!actor) throw new ServiceError('unauthenticated', 'Sign in, or send an API token as "Authorization: Bearer <token>".');
      if (!can(actor, permission)) throw new ServiceError('forbidden', 'Your role does not allow this request.');
      return await handler({ request, actor, params: await context.params });
    } catch (error) {
      if (error instanceof ServiceError) return apiError(error);
      const context = { requestId: request.headers.get('x-request-id'), url: request.url };
      const outage = outageFailure(error, context);
      if (outage) return apiError(outage);
      logger.error({ err: error, ...context }, 'api request failed');
      return NextResponse.json({ error: { code: 'internal', message: 'Something went wrong on our side.' } }, { status: 500 });
    }
  };
}
