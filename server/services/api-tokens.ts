import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { apiTokens, users } from '@/db/schema';
import { ServiceError } from '@/lib/errors';
import { preparedPerDb } from '@/server/queries/prepared';
import { findStaffByEmail, type StaffRow } from './staff';

const PREFIX = 'tp_';
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Creates a token for a staff user. The token is returned once; only its hash is stored. */
export async function createApiToken(db: Db, input: { email: string; name?: string }): Promise<{ token: string; id: number }> {
  const user = await findStaffByEmail(db, input.email);
  if (!user) throw new ServiceError('not_found', `No staff user has the email ${input.email}.`);
  const token = PREFIX + randomBytes(32).toString('base64url');
  const [row] = await db
    .insert(apiTokens)
    .values({ userId: user.id, name: input.name ?? 'API token', tokenHash: hashToken(token), tokenPrefix: token.slice(0, 10) })
    .returning({ id: apiTokens.id });
  return { token, id: row.id };
}

// Every API call authenticates: one prepared statement finds the token's user and notes the use.
const touchToken = preparedPerDb((db) =>
  db
    .update(apiTokens)
    .set({ lastUsedAt: sql`now()` })
    .from(users)
    .where(and(eq(users.id, apiTokens.userId), eq(apiTokens.tokenHash, sql.placeholder('tokenHash')), isNull(apiTokens.revokedAt), isNull(users.deactivatedAt)))
    .returning({ user: users })
    .prepare('api_token_touch'),
);

/** The staff user behind a bearer token, or null when it is unknown, revoked or its user is deactivated. */
export async function staffForToken(db: Db, token: string): Promise<StaffRow | null> {
  if (!token.startsWith(PREFIX)) return null;
  const [hit] = await touchToken(db).execute({ tokenHash: hashToken(token) });
  return hit?.user ?? null;
}

export async function revokeApiToken(db: Db, id: number): Promise<void> {
  await db.update(apiTokens).set({ revokedAt: new Date() }).where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)));
}
