import { index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { customers } from './customers';
import { tickets } from './tickets';

export const PORTAL_TOKEN_KINDS = ['guest_access', 'password_reset', 'email_verification', 'rating'] as const;
export type PortalTokenKind = (typeof PORTAL_TOKEN_KINDS)[number];

/**
 * One-time and tracking links mailed to customers. Only a SHA-256 of the token is stored; the token
 * itself exists in the customer's mail (and, for a guest, once on screen).
 */
export const portalTokens = pgTable(
  'portal_tokens',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    kind: text({ enum: PORTAL_TOKEN_KINDS }).notNull(),
    tokenHash: text().notNull(),
    customerId: integer()
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    /** The request a guest link or rating link opens. */
    ticketId: integer().references(() => tickets.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Reset and verification links: a fixed expiry. Guest links expire 30 days after their last activity instead. */
    expiresAt: timestamp({ withTimezone: true }),
    /** Single-use links are spent here. */
    usedAt: timestamp({ withTimezone: true }),
    /** Guest links: each visit or reply keeps the link alive for another 30 days. */
    lastUsedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('portal_tokens_hash_idx').on(t.tokenHash),
    index('portal_tokens_customer_idx').on(t.customerId, t.kind),
    index('portal_tokens_ticket_idx').on(t.ticketId),
  ],
);

/**
 * Mail written here instead of sent, when SMTP_URL is not set (development, demos, e2e): admins read
 * it in Settings → Outbox.
 */
export const outboundEmails = pgTable(
  'outbound_emails',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    /** The template: request_received, agent_replied, solved, password_reset, guest_link, email_verification. */
    kind: text().notNull(),
    toAddress: text().notNull(),
    subject: text().notNull(),
    /** The text as mailed, except that private links are masked (server/mail/mask-links.ts). */
    body: text().notNull(),
    /** How many private links the mail carried: a view of such a mail is audit-logged. */
    hiddenLinks: integer().notNull().default(0),
    /** The queue job that wrote it: a retried job never writes the same mail twice. */
    jobId: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('outbound_emails_job_idx').on(t.jobId), index('outbound_emails_created_idx').on(t.createdAt.desc(), t.id.desc())],
);
