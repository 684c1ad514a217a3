import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { attachments } from '@/db/schema';
import { checkUploads, type CheckedUpload, type UploadCandidate } from '@/lib/attachments/check';
import { ATTACHMENT_FIELD, MAX_ATTACHMENT_BYTES } from '@/lib/attachments/limits';
import { ServiceError } from '@/lib/errors';
import { logger } from '@/lib/logger';
import { attachmentStore, type AttachmentStore } from '../storage/attachment-store';

/** A file already in storage, waiting for its message row. */
export interface StagedAttachment {
  storageKey: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
}

/**
 * The files of a multipart form field. An empty file input still sends one empty part without a file
 * name, which some parsers turn into "undefined": skip it (the forms also drop it before sending).
 */
export async function uploadsFromForm(form: FormData, field = ATTACHMENT_FIELD): Promise<UploadCandidate[]> {
  const files = form
    .getAll(field)
    .filter((v): v is File => typeof v !== 'string')
    .map((f) => ({ file: f, name: typeof f.name === 'string' ? f.name : '' }))
    .filter(({ file, name }) => file.size > 0 || (name !== '' && name !== 'undefined'));
  // An oversized file is refused on its size alone, without reading it into memory.
  return Promise.all(
    files.map(async ({ file, name }) => ({ name, size: file.size, bytes: file.size > MAX_ATTACHMENT_BYTES ? new Uint8Array() : new Uint8Array(await file.arrayBuffer()) })),
  );
}

/** Checks every upload, then stores them; on any failure nothing stays in storage. */
export async function stageUploads(candidates: readonly UploadCandidate[], store: AttachmentStore = attachmentStore()): Promise<StagedAttachment[]> {
  if (candidates.length === 0) return [];
  const check = checkUploads(candidates);
  if (!check.ok) throw new ServiceError('invalid', check.messages.join(' '), { fieldErrors: { [ATTACHMENT_FIELD]: check.messages } });
  const staged: StagedAttachment[] = [];
  try {
    for (const file of check.files) staged.push(await storeOne(store, file));
  } catch (error) {
    await discardStaged(staged, store);
    throw error;
  }
  return staged;
}

async function storeOne(store: AttachmentStore, file: CheckedUpload): Promise<StagedAttachment> {
  const storageKey = await store.put(file.bytes);
  return { storageKey, fileName: file.fileName, contentType: file.contentType, sizeBytes: file.bytes.byteLength };
}

export async function discardStaged(staged: readonly StagedAttachment[], store: AttachmentStore = attachmentStore()): Promise<void> {
  for (const file of staged) {
    await store.delete(file.storageKey).catch((err: unknown) => logger.warn({ err, key: file.storageKey }, 'could not delete a staged attachment'));
  }
}

/**
 * Stores the uploads, then runs the write that records them. Files go to storage first because a
 * transaction cannot hold them; when the write fails, they are deleted, so nothing is half-saved.
 */
export async function withUploads<T>(candidates: readonly UploadCandidate[], write: (staged: StagedAttachment[]) => Promise<T>): Promise<T> {
  const staged = await stageUploads(candidates);
  try {
    return await write(staged);
  } catch (error) {
    await discardStaged(staged);
    throw error;
  }
}

/**
 * Taken shared by every transaction that records attachment rows, and exclusively by the orphan sweeper
 * around each batch's "which keys have rows" check and its deletes (attachment-sweep.ts).
 */
export const ATTACHMENT_ROWS_LOCK = 7270002;

/**
 * The attachment rows of one message, inside the transaction that wrote it. The shared lock keeps the
 * orphan sweeper out until this transaction ends, so it cannot check for these rows before they commit
 * and then delete their files; and the files are checked under that lock, so a file the sweeper removed
 * just before (an upload that sat past the grace period) fails the write instead of leaving a row
 * without bytes.
 */
export async function recordAttachments(
  tx: Db,
  where: { ticketId: number; messageId: number },
  staged: readonly StagedAttachment[] | undefined,
  store: AttachmentStore = attachmentStore(),
): Promise<void> {
  if (!staged?.length) return;
  await tx.execute(sql`select pg_advisory_xact_lock_shared(${ATTACHMENT_ROWS_LOCK}::bigint)`);
  for (const file of staged) {
    if (!(await store.exists(file.storageKey))) {
      throw new ServiceError('conflict', `The file "${file.fileName}" was not saved in time. Attach it again and resend.`);
    }
  }
  await tx.insert(attachments).values(staged.map((file) => ({ ...where, ...file })));
}
