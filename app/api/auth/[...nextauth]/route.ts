import NextAuth from 'next-auth';
import { NextResponse } from 'next/server';
import { getDb } from '@/server/db';
import { authOptions } from '@/server/auth/options';
import { signInLimitState } from '@/server/auth/sign-in';
import { clientIp } from '@/server/http/client-ip';

const handler = NextAuth(authOptions);

/**
 * Past the sign-in limit the answer is a real 429 with Retry-After, before next-auth runs. The body
 * still carries next-auth's `url` with the message as `error`, so signIn() on the client shows it.
 * This only reads the counts, for the status code: checkSignIn counts each attempt before it checks the
 * password, so attempts racing past this read are still refused there (with the same message).
 */
async function post(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  const { nextauth } = await context.params;
  const kind = nextauth[0] === 'callback' ? nextauth[1] : undefined;
  if (kind === 'customer' || kind === 'staff') {
    const form = await request.clone().formData().catch(() => null);
    const email = String(form?.get('email') ?? '').trim();
    const blocked = email ? await signInLimitState(await getDb(), kind, email, clientIp(request.headers)) : null;
    if (blocked) {
      const url = new URL(`/api/auth/error?error=${encodeURIComponent(blocked.message)}`, request.url).toString();
      return NextResponse.json(
        { url, error: { code: 'rate_limited', message: blocked.message } },
        { status: 429, headers: { 'Retry-After': String(blocked.retryAfterSeconds) } },
      );
    }
  }
  return handler(request, context);
}

export { handler as GET, post as POST };
