import { getDb } from '@/server/db';
import { clientIp } from '@/server/http/client-ip';
import { parseBody } from '@/server/http/input';
import { idempotencyScope, idempotentJson } from '@/server/http/idempotency';
import { jsonBody, portalRoute } from '@/server/http/portal-api';
import { requestPasswordReset } from '@/server/services/portal-accounts';
import { portalLimits } from '@/server/services/portal-entry';
import { passwordResetRequestSchema } from '@/lib/validation/portal';

/** POST /api/portal/password-reset `{ email }`: always 202 (no account probing), or 429 with Retry-After. Takes an Idempotency-Key (one mail per key). */
export const POST = portalRoute(async ({ request }) => {
  const body = await jsonBody(request);
  const { email } = parseBody(passwordResetRequestSchema, body);
  const db = await getDb();
  const ip = clientIp(request.headers);
  return idempotentJson(db, request, { scope: idempotencyScope.anonymous(ip, email), body, beforeWrite: () => portalLimits.reset(db, email, ip) }, async (tx) => {
    await requestPasswordReset(tx, email);
    return { status: 202, body: { message: 'If the address has an account, we sent it a reset link.' } };
  });
});
