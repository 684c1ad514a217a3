import { index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Idempotency-Key records (server/services/idempotency.ts): the first response to a creating request, kept
 * for 24 hours so a retry with the same key gets it again instead of writing twice. The row is inserted
 * first, in the transaction of the write, so the primary key makes a concurrent duplicate wait for the
 * first request's commit; the response is filled in before that commit, so a committed row always has it.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    /** Whose key it is ("staff:12", "customer:7", "link:<sha-256>", "anon:<ip>…"): one caller never sees another's. */
    scope: text().notNull(),
    key: text().notNull(),
    /** Method and path (or the server action's name), for the message when a key is reused elsewhere. */
    endpoint: text().notNull(),
    /** SHA-256 of the endpoint and the canonical body: the same key with another body is refused. */
    requestHash: text().notNull(),
    responseStatus: integer(),
    /** The response's JSON text exactly as first sent (jsonb would reorder its keys), so a replay is byte-identical. */
    responseBody: text(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] }), index('idempotency_keys_expires_idx').on(t.expiresAt)],
);
