import { NextResponse } from 'next/server';
import { getDb } from '@/server/db';
import { parseInput } from '@/server/actions/run-action';
import { clientIp } from '@/server/http/client-ip';
import { jsonBody, portalRoute } from '@/server/http/portal-api';
import { limitedSignUp } from '@/server/services/portal-entry';
import { customerSignUpSchema } from '@/lib/validation/auth';

/** POST /api/portal/signup `{ name, email, password }`: 201, 400 with field errors, 409, or 429 with Retry-After. */
export const POST = portalRoute(async ({ request }) => {
  const input = parseInput(customerSignUpSchema, await jsonBody(request));
  const customer = await limitedSignUp(await getDb(), input, clientIp(request.headers));
  return NextResponse.json({ email: customer.email, email_verified: false }, { status: 201 });
});
