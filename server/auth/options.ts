import type { AuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getDb } from '@/db/client';
import { isDatabaseUnavailable } from '@/db/unavailable';
import { UNAVAILABLE_MESSAGE } from '../unavailable';
import { clientIp } from '../http/client-ip';
import { setAvailability } from '../services/round-robin';
import { endSession, SESSION_MAX_AGE_SECONDS, startSession } from '../services/sessions';
import type { SessionAccount } from './session-token';
import { checkSignIn, type AccountKind } from './sign-in';

/** A refused sign-in, as opposed to a failure: its message is for the person. */
class SignInRefused extends Error {}

function headerValue(headers: Record<string, unknown>, name: string): string | null {
  const value = headers[name];
  return typeof value === 'string' ? value : Array.isArray(value) ? String(value[0] ?? '') : null;
}

/** The JWT carries identity only; role and team are re-read from the database on every request. */
declare module 'next-auth' {
  interface Session {
    account?: SessionAccount;
  }
  interface User {
    kind: AccountKind;
    /** The session row started at sign-in (server/services/sessions.ts). */
    sid: string;
  }
}
declare module 'next-auth/jwt' {
  interface JWT {
    account?: SessionAccount;
  }
}

function credentialsFor(kind: AccountKind) {
  return CredentialsProvider({
    id: kind,
    name: kind === 'staff' ? 'Staff' : 'Customer',
    credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
    async authorize(credentials, req) {
      const headers = req.headers ?? {};
      const origin = { ip: clientIp(headers), userAgent: headerValue(headers, 'user-agent') };
      try {
        const db = await getDb();
        const result = await checkSignIn(db, kind, credentials, origin.ip);
        // next-auth hands a thrown message to the client as `error`: that is how the person sees it.
        if (!result.ok) throw new SignInRefused(result.message);
        const sid = await startSession(db, { kind, id: result.id }, origin);
        return { id: `${kind}:${result.id}`, kind, sid };
      } catch (error) {
        if (error instanceof SignInRefused) throw error;
        // Never the driver's message (it carries the SQL): during an outage, say so, and that it is brief.
        throw isDatabaseUnavailable(error) ? new Error(UNAVAILABLE_MESSAGE) : error;
      }
    },
  });
}

export const authOptions: AuthOptions = {
  // The secret comes from NEXTAUTH_SECRET, which instrumentation.ts checks (or creates, in development) at boot.
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  providers: [credentialsFor('staff'), credentialsFor('customer')],
  pages: { signIn: '/login' },
  events: {
    // Sign-out ends the session on the server: a copy of the cookie taken before it no longer works. (next-auth
    // logs a failure here and clears the cookie anyway; the row then lives until it expires.) Availability for
    // round-robin ends with the session too, so nobody takes tickets while signed out.
    async signOut({ token }) {
      const db = await getDb();
      await endSession(db, token?.account?.sid);
      if (token?.account?.kind === 'staff') await setAvailability(db, token.account.id, false);
    },
  },
  callbacks: {
    jwt({ token, user }) {
      if (user) token.account = { kind: user.kind, id: Number(String(user.id).split(':')[1]), sid: user.sid };
      return token;
    },
    session({ session, token }) {
      session.account = token.account;
      return session;
    },
  },
};
