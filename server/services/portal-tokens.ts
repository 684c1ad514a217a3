import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { portalTokens, tickets, type PortalTokenKind } from '@/db/schema';
import { PORTAL_TOKEN_SHAPE } from '@/lib/validation/portal';

export const GUEST_LINK_IDLE_DAYS = 30;
const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** How long each kind of link lives. Guest links slide (30 days after the last activity); rating links live while the request is solved. */
const FIXED_TTL_MS: Partial<Record<PortalTokenKind, number>> = {
  password_reset: HOUR,
  email_verification: 7 * DAY,
};

/** 256 random bits, URL-safe. The caller mails it; only its SHA-256 is stored. */
export const newToken = () => randomBytes(32).toString('base64url');
export const hashPortalToken = (token: string) => createHash('sha256').update(token).digest('hex');


export interface IssueTokenInput {
  kind: PortalTokenKind;
  customerId: number;
  ticketId?: number | null;
  now?: Date;
}

export async function issuePortalToken(db: Db, input: IssueTokenInput): Promise<string> {
  const token = newToken();
  const now = input.now ?? new Date();
  const ttl = FIXED_TTL_MS[input.kind];
  await db.insert(portalTokens).values({
    kind: input.kind,
    tokenHash: hashPortalToken(token),
    customerId: input.customerId,
    ticketId: input.ticketId ?? null,
    createdAt: now,
    expiresAt: ttl ? new Date(now.getTime() + ttl) : null,
  });
  return token;
}

export type PortalTokenRow = typeof portalTokens.$inferSelect;

/**
 * The live token of this kind, or null for a guessed, expired, used or malformed one (the caller
 * answers 404 for all of them alike). Guest links live 30 days past the later of their last use and
 * the request's last public activity; rating links live while their request is solved.
 */
export async function findLiveToken(db: Db, kind: PortalTokenKind, token: string, now = new Date()): Promise<PortalTokenRow | null> {
  if (!PORTAL_TOKEN_SHAPE.test(token)) return null; // a token that cannot be one: 404 without a query
  const [row] = await db
    .select({ token: portalTokens, ticketStatus: tickets.status, lastPublicActivityAt: tickets.lastPublicActivityAt })
    .from(portalTokens)
    .leftJoin(tickets, eq(tickets.id, portalTokens.ticketId))
    .where(and(eq(portalTokens.tokenHash, hashPortalToken(token)), eq(portalTokens.kind, kind), isNull(portalTokens.usedAt)));
  if (!row) return null;
  const t = row.token;
  if (t.expiresAt && t.expiresAt.getTime() <= now.getTime()) return null;
  if (kind === 'guest_access') {
    const lastActive = Math.max(t.createdAt.getTime(), t.lastUsedAt?.getTime() ?? 0, row.lastPublicActivityAt?.getTime() ?? 0);
    if (!row.ticketStatus || lastActive + GUEST_LINK_IDLE_DAYS * DAY <= now.getTime()) return null;
  }
  if (kind === 'rating' && row.ticketStatus !== 'solved') return null;
  return t;
}

/**
 * Spends a single-use token. The `used_at is null` guard makes two concurrent uses race safely:
 * only one of them gets the row back.
 */
export async function consumeToken(db: Db, tokenId: number, now = new Date()): Promise<boolean> {
  const rows = await db
    .update(portalTokens)
    .set({ usedAt: now })
    .where(and(eq(portalTokens.id, tokenId), isNull(portalTokens.usedAt)))
    .returning({ id: portalTokens.id });
  return rows.length === 1;
}

/** A guest visit or reply keeps the link alive. */
export async function touchGuestToken(db: Db, tokenId: number, now = new Date()): Promise<void> {
  await db
    .update(portalTokens)
    .set({ lastUsedAt: sql`greatest(${portalTokens.lastUsedAt}, ${now.toISOString()}::timestamptz)` })
    .where(eq(portalTokens.id, tokenId));
}

/** After a reset, every other outstanding reset link for the customer is spent too. */
export async function spendOutstandingTokens(db: Db, customerId: number, kind: PortalTokenKind, now = new Date()): Promise<void> {
  await db
    .update(portalTokens)
    .set({ usedAt: now })
    .where(and(eq(portalTokens.customerId, customerId), eq(portalTokens.kind, kind), isNull(portalTokens.usedAt)));
}
