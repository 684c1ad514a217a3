import { randomUUID } from 'node:crypto';
import { and, eq, lte, ne, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { authSessions } from '@/db/schema';
import type { AuditOrigin } from '../audit/record';

/** A session lasts 12 hours from sign-in, however often it is used (next-auth's maxAge, and the row's expiry). */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

export type SessionOwner = { kind: 'staff' | 'customer'; id: number };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Only a well-formed id reaches a uuid column: anything else would be a query error, not "signed out". */
export const isSessionId = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

const ownedBy = (owner: SessionOwner) =>
  owner.kind === 'staff' ? eq(authSessions.userId, owner.id) : eq(authSessions.customerId, owner.id);

/**
 * Starts a session at sign-in and returns its id, which goes into the session cookie. The person's expired
 * sessions are removed on the way, so the table holds about one row per live browser.
 */
export async function startSession(db: Db, owner: SessionOwner, origin: AuditOrigin = {}, now = new Date()): Promise<string> {
  const id = randomUUID();
  await db.delete(authSessions).where(and(ownedBy(owner), lte(authSessions.expiresAt, now)));
  await db.insert(authSessions).values({
    id,
    userId: owner.kind === 'staff' ? owner.id : null,
    customerId: owner.kind === 'customer' ? owner.id : null,
    createdAt: now,
    expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000),
    ip: origin.ip ?? null,
    userAgent: origin.userAgent?.slice(0, 512) ?? null,
  });
  return id;
}

/** Ends one session (sign-out). */
export async function endSession(db: Db, sessionId: unknown): Promise<boolean> {
  if (!isSessionId(sessionId)) return false;
  const ended = await db.delete(authSessions).where(eq(authSessions.id, sessionId)).returning({ id: authSessions.id });
  return ended.length > 0;
}

/**
 * Ends every session of one person, or every one but `keep` (the browser that changed the password).
 * Returns how many live sessions ended.
 */
export async function endSessionsOf(db: Db, owner: SessionOwner, options: { keep?: string; now?: Date } = {}): Promise<number> {
  const keep = isSessionId(options.keep) ? options.keep : null;
  const ended = await db
    .delete(authSessions)
    .where(and(ownedBy(owner), keep ? ne(authSessions.id, keep) : undefined))
    .returning({ expiresAt: authSessions.expiresAt });
  const now = options.now ?? new Date();
  return ended.filter((s) => s.expiresAt > now).length;
}

/** How many browsers are signed in as this person now. */
export async function countLiveSessions(db: Db, owner: SessionOwner, now = new Date()): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(authSessions)
    .where(and(ownedBy(owner), sql`${authSessions.expiresAt} > ${now.toISOString()}::timestamptz`));
  return row?.n ?? 0;
}
