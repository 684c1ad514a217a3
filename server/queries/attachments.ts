import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { attachments, messages, tickets } from '@/db/schema';
import { preparedPerDb } from './prepared';

/** What a thread shows of a file: never its storage key. */
export interface AttachmentSummary {
  id: number;
  messageId: number;
  fileName: string;
  contentType: string;
  sizeBytes: number;
}

const attachmentRows = (visibility: 'all' | 'public') =>
  preparedPerDb((db) =>
    db
      .select({ id: attachments.id, messageId: attachments.messageId, fileName: attachments.fileName, contentType: attachments.contentType, sizeBytes: attachments.sizeBytes })
      .from(attachments)
      .innerJoin(messages, eq(messages.id, attachments.messageId))
      .where(and(eq(attachments.ticketId, sql.placeholder('ticketId')), visibility === 'public' ? eq(messages.visibility, 'public') : undefined))
      .orderBy(asc(attachments.id))
      .prepare(`ticket_attachments_${visibility}`),
  );
const everyAttachment = attachmentRows('all');
const publicAttachments = attachmentRows('public');

/**
 * A ticket's files by message, in one read. `publicOnly` (the portal) keeps only files on public
 * messages: the join on the message's visibility is the rule, not the caller's filtering.
 */
export async function attachmentsByMessage(db: Db, ticketId: number, options: { publicOnly: boolean }): Promise<Map<number, AttachmentSummary[]>> {
  const rows = await (options.publicOnly ? publicAttachments : everyAttachment)(db).execute({ ticketId });
  const byMessage = new Map<number, AttachmentSummary[]>();
  for (const row of rows) byMessage.set(row.messageId, [...(byMessage.get(row.messageId) ?? []), row]);
  return byMessage;
}

const servedColumns = { storageKey: attachments.storageKey, fileName: attachments.fileName, contentType: attachments.contentType, sizeBytes: attachments.sizeBytes };
export type ServedAttachment = { storageKey: string; fileName: string; contentType: string; sizeBytes: number };

/** Any attachment, for staff (who see every ticket and note). */
export async function findStaffAttachment(db: Db, id: number): Promise<ServedAttachment | null> {
  const [row] = await db.select(servedColumns).from(attachments).where(eq(attachments.id, id));
  return row ?? null;
}

/**
 * An attachment a customer may fetch: on a public message of a ticket that `ticketScope` admits
 * (their own requests, or the one ticket behind a guest link). Anything else is null, so a 404.
 */
export async function findPortalAttachment(db: Db, id: number, ticketScope: SQL): Promise<ServedAttachment | null> {
  const [row] = await db
    .select(servedColumns)
    .from(attachments)
    .innerJoin(messages, eq(messages.id, attachments.messageId))
    .innerJoin(tickets, eq(tickets.id, attachments.ticketId))
    .where(and(eq(attachments.id, id), eq(messages.visibility, 'public'), ticketScope));
  return row ?? null;
}

/** A public file on the one ticket behind a guest link. */
export function findGuestAttachment(db: Db, id: number, ticketId: number): Promise<ServedAttachment | null> {
  return findPortalAttachment(db, id, eq(tickets.id, ticketId));
}
