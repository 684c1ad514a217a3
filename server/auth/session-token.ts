import { decode } from 'next-auth/jwt';
import type { AccountKind } from './sign-in';

/** What the session cookie carries: who, and which session row (server/services/sessions.ts) keeps it alive. */
export type SessionAccount = { kind: AccountKind; id: number; sid?: string };
type CookieReader = { getAll(): { name: string; value: string }[] };

const BASE = 'next-auth.session-token';
const SECURE = `__Secure-${BASE}`;

/**
 * The names next-auth gives the session cookie: with the __Secure- prefix when the site is https
 * (NEXTAUTH_URL), as next-auth decides it. Without NEXTAUTH_URL (development), either one.
 */
function cookieNames(): string[] {
  const url = process.env.NEXTAUTH_URL;
  if (!url) return [SECURE, BASE];
  return [url.startsWith('https://') ? SECURE : BASE];
}

/** next-auth splits a token over 4 KB into `name.0`, `name.1`, …: join the parts in order, as its SessionStore does. */
function readToken(jar: CookieReader, name: string): string | null {
  const parts = jar.getAll().filter((c) => c.name === name || c.name.startsWith(`${name}.`));
  if (parts.length === 0) return null;
  const suffix = (n: string) => (n === name ? 0 : Number.parseInt(n.slice(name.length + 1), 10) || 0);
  return parts.sort((a, b) => suffix(a.name) - suffix(b.name)).map((c) => c.value).join('');
}

/**
 * The signed-in account from the session cookie, or null: the same JWT decoding (and expiry check) as
 * next-auth's getServerSession, without building its whole auth handler and encrypting a fresh token on
 * every request. getServerSession cannot set that refreshed cookie from a server
 * component, action or route handler anyway, so nothing is lost: a session still ends maxAge after sign-in.
 */
export async function readSessionAccount(jar: CookieReader, secret = process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET): Promise<SessionAccount | null> {
  if (!secret) return null;
  for (const name of cookieNames()) {
    const token = readToken(jar, name);
    if (!token) continue;
    try {
      const payload = await decode({ token, secret });
      return (payload?.account as SessionAccount | undefined) ?? null;
    } catch {
      // A token from another secret, tampered with or expired: next-auth treats it as signed out too.
      return null;
    }
  }
  return null;
}
