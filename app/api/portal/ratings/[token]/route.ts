import { NextResponse } from 'next/server';
import { getDb } from '@/server/db';
import { parseInput } from '@/server/actions/run-action';
import { jsonBody, portalRoute } from '@/server/http/portal-api';
import { rateByToken } from '@/server/services/portal-requests';
import { ratingSchema } from '@/lib/validation/portal';

/** POST /api/portal/ratings/{token} `{ score, comment? }`: rate by the mailed link; 404 once the request is closed. */
export const POST = portalRoute<{ token: string }>(async ({ request, params }) => {
  const input = parseInput(ratingSchema, await jsonBody(request));
  await rateByToken(await getDb(), params.token, input);
  return NextResponse.json({ score: input.score });
});
