import type { AuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getDb } from '@/db/client';
import { isDatabaseUnavailable } from '@/db/unavailable';
import { UNAVAILABLE_MESSAGE } from '../unavailable';
import { clientIp } from '../http/client-ip';
import { setAvailability } from '../services/round-robin';
import { checkSignIn, type AccountKind } from './sign-in';

/** The JWT carries identity only; role and team are re-read from the database on every request. */
declare module 'next-auth' {
  interface Session {
    account?: { kind: AccountKind; id: number; signedInAt?: number };
  }
  interface User {
    kind: AccountKind;
  }
}
declare module 'next-auth/jwt' {
  interface JWT {
    account?: { kind: AccountKind; id: number; signedInAt?: number };
  }
}

function credentialsFor(kind: AccountKind) {
  return CredentialsProvider({
    id: kind,
    name: kind === 'staff' ? 'Staff' : 'Customer',
    credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
    async authorize(credentials, req) {
      let result: Awaited<ReturnType<typeof checkSignIn>>;
      try {
        result = await checkSignIn(await getDb(), kind, credentials, clientIp(req.headers ?? {}));
      } catch (error) {
        // Never the driver's message (it carries the SQL): during an outage, say so, and that it is brief.
        throw isDatabaseUnavailable(error) ? new Error(UNAVAILABLE_MESSAGE) : error;
      }
      // next-auth hands a thrown message to the client as `error`: that is how the person sees it.
      if (!result.ok) throw new Error(result.message);
      return { id: `${kind}:${result.id}`, kind };
    },
  });
}

export const authOptions: AuthOptions = {
  // The secret comes from NEXTAUTH_SECRET, which instrumentation.ts checks (or creates, in development) at boot.
  session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
  providers: [credentialsFor('staff'), credentialsFor('customer')],
  pages: { signIn: '/login' },
  events: {
    // Availability for round-robin ends with the session, so nobody takes tickets while signed out.
    async signOut({ token }) {
      if (token?.account?.kind === 'staff') await setAvailability(await getDb(), token.account.id, false);
    },
  },
  callbacks: {
    jwt({ token, user }) {
      // signedInAt lets a password reset end sessions that began before it (server/auth/session.ts).
      if (user) token.account = { kind: user.kind, id: Number(String(user.id).split(':')[1]), signedInAt: Date.now() };
      return token;
    },
    session({ session, token }) {
      session.account = token.account;
      return session;
    },
  },
};
