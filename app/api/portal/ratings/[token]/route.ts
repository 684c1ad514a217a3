import { getDb } from '@/server/db';
import { parseInput } from '@/server/actions/run-action';
import { idempotencyScope, idempotentJson } from '@/server/http/idempotency';
import { jsonBody, portalRoute } from '@/server/http/portal-api';
import { rateByToken } from '@/server/services/portal-requests';
import { ratingSchema } from '@/lib/validation/portal';

/** POST /api/portal/ratings/{token} `{ score, comment? }`: rate by the mailed link; 404 once the request is closed. Takes an Idempotency-Key (scoped to the link). */
export const POST = portalRoute<{ token: string }>(async ({ request, params }) => {
  const body = await jsonBody(request);
  const input = parseInput(ratingSchema, body);
  return idempotentJson(await getDb(), request, { scope: idempotencyScope.link(params.token), body }, async (tx) => {
    await rateByToken(tx, params.token, input);
    return { status: 200, body: { score: input.score } };
  });
});
