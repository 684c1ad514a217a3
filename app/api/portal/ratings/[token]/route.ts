import { getDb } from '@/server/db';
import { idempotencyScope, idempotentJson } from '@/server/http/idempotency';
import { parseBody, parsePathParam } from '@/server/http/input';
import { jsonBody, notFound, portalRoute } from '@/server/http/portal-api';
import { rateByToken } from '@/server/services/portal-requests';
import { portalTokenSchema, ratingSchema } from '@/lib/validation/portal';

/** POST /api/portal/ratings/{token} `{ score, comment? }`: rate by the mailed link; 404 once the request is closed. Takes an Idempotency-Key (scoped to the link). */
export const POST = portalRoute<{ token: string }>(async ({ request, params }) => {
  const token = parsePathParam(portalTokenSchema, params.token, 'token', notFound());
  const body = await jsonBody(request);
  const input = parseBody(ratingSchema, body);
  return idempotentJson(await getDb(), request, { scope: idempotencyScope.link(token), body }, async (tx) => {
    await rateByToken(tx, token, input);
    return { status: 200, body: { score: input.score } };
  });
});
