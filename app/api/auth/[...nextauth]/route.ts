import NextAuth from 'next-auth';
import { NextResponse } from 'next/server';
import { getDb } from '@/server/db';
import { authOptions } from '@/server/auth/options';
import { signInLimitState } from '@/server/auth/sign-in';
import { clientIp } from '@/server/http/client-ip';
import { signInSchema } from '@/lib/validation/auth';

const handler = NextAuth(authOptions);

/** next-auth's client (signIn) reads the message from the `error` parameter of the `url` it is given. */
function refusal(request: Request, status: number, error: { code: string; message: string; details?: Record<string, string[]> }, headers?: HeadersInit) {
  const url = new URL(`/api/auth/error?error=${encodeURIComponent(error.message)}`, request.url).toString();
  return NextResponse.json({ url, error }, { status, headers });
}

/**
 * An email that cannot be an address (a NUL or other control character, say) is a 400 naming the field, before
 * anything reads the database with it; next-auth's own CSRF and password checks come after.
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
    const raw = form?.get('email');
    if (raw !== null && raw !== undefined && raw !== '') {
      const email = signInSchema.shape.email.safeParse(raw);
      if (!email.success) {
        const messages = [...new Set(email.error.issues.map((issue) => issue.message))];
        return refusal(request, 400, { code: 'invalid', message: messages.join(' '), details: { email: messages } });
      }
      const blocked = await signInLimitState(await getDb(), kind, email.data, clientIp(request.headers));
      if (blocked) {
        return refusal(request, 429, { code: 'rate_limited', message: blocked.message }, { 'Retry-After': String(blocked.retryAfterSeconds) });
      }
    }
  }
  return handler(request, context);
}

export { handler as GET, post as POST };
