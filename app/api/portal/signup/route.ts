import { getDb } from '@/server/db';
import { clientIp } from '@/server/http/client-ip';
import { parseBody } from '@/server/http/input';
import { idempotencyScope, idempotentJson } from '@/server/http/idempotency';
import { jsonBody, portalRoute } from '@/server/http/portal-api';
import { signUpAccount } from '@/server/services/portal-accounts';
import { portalLimits } from '@/server/services/portal-entry';
import { customerSignUpSchema } from '@/lib/validation/auth';

/** POST /api/portal/signup `{ name, email, password }`: 201, 400 with field errors, 409, or 429 with Retry-After. Takes an Idempotency-Key. */
export const POST = portalRoute(async ({ request }) => {
  const body = await jsonBody(request);
  const input = parseBody(customerSignUpSchema, body);
  const db = await getDb();
  const ip = clientIp(request.headers);
  return idempotentJson(db, request, { scope: idempotencyScope.anonymous(ip, input.email), body, beforeWrite: () => portalLimits.signUp(db, input.email, ip) }, async (tx) => {
    const customer = await signUpAccount(tx, input);
    return { status: 201, body: { email: customer.email, email_verified: false } };
  });
});
