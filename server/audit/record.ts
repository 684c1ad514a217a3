import type { Db } from '@/db/client';
import { auditLog, type AuditActorKind } from '@/db/schema';

export type AuditActor = { kind: AuditActorKind; id: number | null };
/** Where the request came from: the client IP as rate limits see it, and the browser's user agent. */
export type AuditOrigin = { ip?: string | null; userAgent?: string | null };

export interface AuditEntry {
  actor: AuditActor;
  action: string;
  object?: { type: string; id: string | number | null };
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  origin?: AuditOrigin;
}

/** Keys that could carry a secret never reach the log, at any depth, whatever a caller passes. */
const SECRET_KEY = /pass(word)?|secret|token|hash|cookie|session_?id|^sid$|authorization|link$/i;
const USER_AGENT_LIMIT = 512;

export function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([key]) => !SECRET_KEY.test(key))
        .map(([key, v]) => [key, withoutSecrets(v)]),
    );
  }
  return value;
}

const cleaned = (value: Record<string, unknown> | null | undefined) =>
  value == null ? null : (withoutSecrets(value) as Record<string, unknown>);

/**
 * Appends one entry to audit_log. Pass the transaction of the change it records, so the entry commits
 * with the change or not at all. Reads that are audited (a mail in the outbox) record before they answer.
 */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    actorKind: entry.actor.kind,
    actorId: entry.actor.id,
    ip: entry.origin?.ip ?? null,
    userAgent: entry.origin?.userAgent ? entry.origin.userAgent.slice(0, USER_AGENT_LIMIT) : null,
    action: entry.action,
    objectType: entry.object?.type ?? null,
    objectId: entry.object?.id == null ? null : String(entry.object.id),
    before: cleaned(entry.before),
    after: cleaned(entry.after),
  });
}
