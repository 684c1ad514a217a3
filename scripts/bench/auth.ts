/** Credentials for the bench: an API token for the admin, and a staff session cookie from the real sign-in flow. */
import { createHash, randomBytes } from 'node:crypto';
import type postgres from 'postgres';
import { BENCH_ADMIN } from './seed';

/** Same format and hashing as server/services/api-tokens.ts: `tp_` + random, sha256 hex stored. */
export async function createBenchToken(sql: postgres.Sql): Promise<string> {
  const token = `tp_${randomBytes(32).toString('base64url')}`;
  const hash = createHash('sha256').update(token).digest('hex');
  const [admin] = await sql<{ id: number }[]>`select id from users where lower(email) = ${BENCH_ADMIN.email} and deactivated_at is null`;
  if (!admin) throw new Error(`${BENCH_ADMIN.email} is missing from the bench database: run without --skip-seed.`);
  await sql`insert into api_tokens (user_id, name, token_hash, token_prefix) values (${admin.id}, 'bench', ${hash}, ${token.slice(0, 10)})`;
  return token;
}

function cookiesOf(res: Response): Map<string, string> {
  const jar = new Map<string, string>();
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const eq = pair.indexOf('=');
    if (eq > 0) jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1));
  }
  return jar;
}

const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');

/** next-auth credentials flow over HTTP: csrf, then the staff callback; returns the Cookie header to send. */
export async function signInStaff(baseUrl: string): Promise<string> {
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`);
  if (csrfRes.status !== 200) throw new Error(`GET /api/auth/csrf answered ${csrfRes.status}`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const jar = cookiesOf(csrfRes);
  const res = await fetch(`${baseUrl}/api/auth/callback/staff`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(jar) },
    body: new URLSearchParams({ csrfToken, email: BENCH_ADMIN.email, password: BENCH_ADMIN.password, json: 'true' }).toString(),
  });
  for (const [k, v] of cookiesOf(res)) jar.set(k, v);
  const session = [...jar.keys()].find((k) => k.endsWith('next-auth.session-token'));
  if (!session) {
    const body = await res.text().catch(() => '');
    throw new Error(`Staff sign-in failed (HTTP ${res.status}): no session cookie. ${body.slice(0, 300)}`);
  }
  return `${session}=${jar.get(session)}`;
}
