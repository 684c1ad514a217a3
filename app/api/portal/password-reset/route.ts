import { NextResponse } from 'next/server';
import { getDb } from '@/server/db';
import { parseInput } from '@/server/actions/run-action';
import { clientIp } from '@/server/http/client-ip';
import { jsonBody, portalRoute } from '@/server/http/portal-api';
import { limitedResetRequest } from '@/server/services/portal-entry';
import { passwordResetRequestSchema } from '@/lib/validation/portal';

/** POST /api/portal/password-reset `{ email }`: always 202 (no account probing), or 429 with Retry-After. */
export const POST = portalRoute(async ({ request }) => {
  const { email } = parseInput(passwordResetRequestSchema, await jsonBody(request));
  await limitedResetRequest(await getDb(), email, clientIp(request.headers));
  return NextResponse.json({ message: 'If the address has an account, we sent it a reset link.' }, { status: 202 });
});
