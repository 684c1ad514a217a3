import { NextResponse } from 'next/server';
import { getDb } from '@/server/db';
import { parseInput } from '@/server/actions/run-action';
import { clientIp } from '@/server/http/client-ip';
import { jsonBody, portalRoute } from '@/server/http/portal-api';
import { requestPasswordReset } from '@/server/services/portal-accounts';
import { enforceLimits } from '@/server/services/portal-limits';
import { passwordResetRequestSchema } from '@/lib/validation/portal';

/** POST /api/portal/password-reset `{ email }`: always 202 (no account probing), or 429 with Retry-After. */
export const POST = portalRoute(async ({ request }) => {
  const { email } = parseInput(passwordResetRequestSchema, await jsonBody(request));
  const db = await getDb();
  await enforceLimits(db, 'password reset requests', [
    { key: `reset:ip:${clientIp(request.headers)}`, limit: 'resetPerIp' },
    { key: `reset:email:${email}`, limit: 'resetPerEmail' },
  ]);
  await requestPasswordReset(db, email);
  return NextResponse.json({ message: 'If the address has an account, we sent it a reset link.' }, { status: 202 });
});
