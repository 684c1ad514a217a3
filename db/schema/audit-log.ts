import { bigint, check, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

export const AUDIT_ACTOR_KINDS = ['staff', 'customer', 'api_token', 'system', 'automation'] as const;
export type AuditActorKind = (typeof AUDIT_ACTOR_KINDS)[number];

/**
 * Who did what to which object, append-only: a trigger (migration audit_log) refuses UPDATE, DELETE and
 * TRUNCATE, so not even the app can rewrite history. No foreign keys: an entry outlives the user, customer
 * or token it names (and a cascading delete or set-null would be the UPDATE the trigger refuses).
 * `before`/`after` hold the changed fields, never secrets (server/services/audit.ts strips them).
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorKind: text({ enum: AUDIT_ACTOR_KINDS }).notNull(),
    /** users.id, customers.id or api_tokens.id by actorKind; null for system and automation. */
    actorId: integer(),
    ip: text(),
    userAgent: text(),
    /** Dotted verb, e.g. `sessions.revoked`, `outbox.mail_viewed`, `password.changed`. */
    action: text().notNull(),
    objectType: text(),
    objectId: text(),
    before: jsonb(),
    after: jsonb(),
  },
  (t) => [
    check('audit_log_actor_kind_check', sql`${t.actorKind} in ('staff', 'customer', 'api_token', 'system', 'automation')`),
    index('audit_log_at_idx').on(t.at.desc(), t.id.desc()),
    index('audit_log_object_idx').on(t.objectType, t.objectId, t.at.desc()),
    index('audit_log_actor_idx').on(t.actorKind, t.actorId, t.at.desc()),
  ],
);
