import { asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { apiTokens, users } from '@/db/schema';

export interface ApiTokenRow {
  id: number;
  name: string;
  /** The first characters of the token, enough to recognise it; never the hash. */
  prefix: string;
  userEmail: string;
  userName: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** Every API token, live ones first, newest first. Admin only: the caller checks `tokens:manage`. */
export async function listApiTokens(db: Db): Promise<ApiTokenRow[]> {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.tokenPrefix,
      userEmail: users.email,
      userName: users.name,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .orderBy(sql`${apiTokens.revokedAt} is not null`, desc(apiTokens.createdAt), desc(apiTokens.id));
}

/** Staff who may own a token: everyone not deactivated. */
export async function listTokenOwners(db: Db): Promise<{ email: string; name: string; role: string }[]> {
  return db
    .select({ email: users.email, name: users.name, role: users.role })
    .from(users)
    .where(isNull(users.deactivatedAt))
    .orderBy(asc(users.name));
}
