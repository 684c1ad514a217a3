import { randomUUID } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { attachments, settings } from '@/db/schema';
import { logger } from '@/lib/logger';
import { attachmentStore, type AttachmentStore } from '../storage/attachment-store';
import { ATTACHMENT_ROWS_LOCK } from './attachments';

export const ORPHAN_GRACE_DEFAULT_MINUTES = 60;
/** Keys checked against the database per statement, and the most held in memory at once. */
export const SWEEP_BATCH_SIZE = 500;
/** The settings row that names the attachment store this database owns. */
const STORE_OWNER_SETTING = 'attachment_store';

/** TP_ATTACHMENT_ORPHAN_GRACE_MINUTES (at least 1), default 60. */
export function orphanGraceMs(env: NodeJS.ProcessEnv = process.env): number {
  const minutes = Number(env.TP_ATTACHMENT_ORPHAN_GRACE_MINUTES);
  return (Number.isFinite(minutes) && minutes >= 1 ? minutes : ORPHAN_GRACE_DEFAULT_MINUTES) * 60_000;
}

export interface SweepOptions {
  now?: Date;
  graceMs?: number;
  store?: AttachmentStore;
  batchSize?: number;
  /** Runs while a batch's lock is held, after its check and before its deletes: for tests that race a writer. */
  whileLocked?: (orphans: readonly string[]) => Promise<void>;
}

export interface SweepResult {
  /** Files old enough to be checked against the database. */
  checked: number;
  removed: number;
  /** Set when the store belongs to another database, so nothing was touched. */
  refused?: string;
}

/**
 * Removes stored files that no `attachments` row names: what an upload leaves behind when its process dies
 * between storing the file and committing the message (files go first, since a transaction cannot hold
 * them). Safe against uploads in flight, in two ways:
 *
 * - Only files older than the grace period (by mtime) are considered; an upload commits its row within
 *   seconds of writing its file.
 * - For any slower one, each batch is checked and deleted under an exclusive advisory lock that every
 *   transaction recording attachment rows takes shared (recordAttachments). So the check, a new snapshot
 *   taken after the lock (READ COMMITTED), sees every row committed before it, and no row can commit
 *   between the check and the delete: a writer waits, then finds its file gone and fails, instead of
 *   leaving a row without bytes.
 *
 * Keys stream from the store and are checked in batches, so a large store is never listed into memory.
 */
export async function sweepOrphanAttachments(db: Db, options: SweepOptions = {}): Promise<SweepResult> {
  const store = options.store ?? attachmentStore();
  const result: SweepResult = { checked: 0, removed: 0 };
  const refused = await refusalToSweep(db, store);
  if (refused) {
    logger.error({ reason: refused }, 'attachment sweep skipped');
    return { ...result, refused };
  }
  const cutoff = (options.now ?? new Date()).getTime() - (options.graceMs ?? orphanGraceMs());
  const batchSize = options.batchSize ?? SWEEP_BATCH_SIZE;
  let batch: string[] = [];
  const flush = async () => {
    result.checked += batch.length;
    result.removed += await sweepBatch(db, store, batch, options.whileLocked);
    batch = [];
  };
  for await (const file of store.list()) {
    if (file.modifiedAt.getTime() > cutoff) continue;
    batch.push(file.key);
    if (batch.length >= batchSize) await flush();
  }
  if (batch.length > 0) await flush();
  if (result.removed > 0) logger.info(result, 'removed orphan attachment files');
  return result;
}

async function sweepBatch(db: Db, store: AttachmentStore, keys: readonly string[], whileLocked: SweepOptions['whileLocked']): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${ATTACHMENT_ROWS_LOCK}::bigint)`);
    const rows = await tx.select({ key: attachments.storageKey }).from(attachments).where(inArray(attachments.storageKey, [...keys]));
    const referenced = new Set(rows.map((r) => r.key));
    const orphans = keys.filter((key) => !referenced.has(key));
    await whileLocked?.(orphans);
    for (const key of orphans) await store.delete(key);
    return orphans.length;
  });
}

/**
 * A store and a database are paired by an id kept in both (the first sweep writes it), so a database
 * pointed at another installation's directory (a restored staging copy, a test run on a developer's
 * machine) never deletes that installation's files as "orphans". Returns why not to sweep, or null.
 */
async function refusalToSweep(db: Db, store: AttachmentStore): Promise<string | null> {
  const readDbId = async () => {
    const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, STORE_OWNER_SETTING));
    return (row?.value as { id?: string } | undefined)?.id ?? null;
  };
  let dbId = await readDbId();
  let storeId = await store.readOwner();
  if (!dbId && !storeId) {
    // First sweep: the database row decides the id (a concurrent first sweep then reads the same one).
    await db.insert(settings).values({ key: STORE_OWNER_SETTING, value: { id: randomUUID() } }).onConflictDoNothing();
    dbId = await readDbId();
    await store.claimOwner(dbId!).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
    storeId = await store.readOwner();
  }
  if (dbId && dbId === storeId) return null;
  return storeId
    ? `the attachment store belongs to another database (store ${storeId}, this database ${dbId ?? 'none'}): check TP_ATTACHMENTS_DIR`
    : `the attachment store has no .touchpoint-store file, but this database swept one before (${dbId}): check TP_ATTACHMENTS_DIR, or restore that file`;
}
