import { mkdtemp, rm, utimes } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { rowsOf } from '@/db/client';
import { attachments } from '@/db/schema';
import { ServiceError } from '@/lib/errors';
import { QUEUES } from '@/db/queue-schema';
import { startJobWorker, workQueueOnce } from '@/server/jobs/worker';
import { sweepOrphanAttachments } from '@/server/services/attachment-sweep';
import { stageUploads, type StagedAttachment } from '@/server/services/attachments';
import { addMessage } from '@/server/services/ticket-messages';
import { createTicket } from '@/server/services/tickets-create';
import { attachmentStore, LocalDiskStore } from '@/server/storage/attachment-store';
import { createTestDb, describeDb, requiresPostgres, type TestDbHandle } from '../helpers/db';
import { seedPeople } from '../fixtures';
import { stopBoss, testBoss } from '../portal/jobs-helpers';

const HOUR = 3600_000;
const GRACE = HOUR;
const text = (s: string) => ({ name: 'notes.txt', size: Buffer.byteLength(s), bytes: new TextEncoder().encode(s) });

describe(`orphan attachment sweep (${describeDb})`, () => {
  let handle: TestDbHandle;
  let people: Awaited<ReturnType<typeof seedPeople>>;
  let dir: string;
  let ticketId: number;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tp-sweep-'));
    process.env.TP_ATTACHMENTS_DIR = dir; // read once, at the store's first use
    handle = await createTestDb();
    people = await seedPeople(handle.db);
    ticketId = (await createTicket(handle.db, { subject: 'Receipt', body: 'Attached.', customerId: people.alice.id, createdByKind: 'customer', channel: 'portal' })).id;
  });
  afterAll(async () => {
    await handle.close();
    await rm(dir, { recursive: true, force: true });
  });

  const store = () => attachmentStore();
  const age = async (key: string, ms: number) => {
    const then = new Date(Date.now() - ms);
    await utimes(path.join(dir, key.slice(0, 2), key), then, then);
  };
  /** A stored file with no row: what a killed upload leaves. */
  const orphan = async (ageMs: number) => {
    const key = await store().put(new TextEncoder().encode('left behind'));
    await age(key, ageMs);
    return key;
  };
  const stage = async (ageMs: number) => {
    const [file] = await stageUploads([text(`notes ${Math.random()}`)]);
    await age(file.storageKey, ageMs);
    return file;
  };
  const reply = (db: TestDbHandle['db'], file: StagedAttachment) =>
    addMessage(db, { ticketId, body: 'See file', authorKind: 'agent', authorUserId: people.agent.id, visibility: 'public', attachments: [file] });
  const rowFor = async (key: string) => (await handle.db.select().from(attachments).where(eq(attachments.storageKey, key))).length;
  const sweep = (options: Parameters<typeof sweepOrphanAttachments>[1] = {}) => sweepOrphanAttachments(handle.db, { graceMs: GRACE, ...options });

  /** Until the sweep waits for the advisory lock (Postgres), or a moment (PGlite: one connection, queries queue). */
  async function untilWaitingForLock() {
    if (!requiresPostgres) return new Promise((r) => setTimeout(r, 300));
    for (let i = 0; i < 200; i++) {
      const [row] = rowsOf<{ n: number }>(await handle.db.execute(sql`select count(*)::int as n from pg_locks where locktype = 'advisory' and not granted`));
      if (row.n > 0) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('nothing waited for the attachment lock');
  }

  it('removes an orphan older than the grace period, and keeps files with rows and fresh (in-flight) uploads', async () => {
    const old = await orphan(2 * HOUR);
    const fresh = await orphan(0);
    const saved = await stage(2 * HOUR);
    await reply(handle.db, saved);

    const result = await sweep();
    expect(result).toMatchObject({ removed: 1 });
    expect(await store().exists(old)).toBe(false);
    expect(await store().exists(fresh)).toBe(true);
    expect(await store().exists(saved.storageKey)).toBe(true);
    expect(await rowFor(saved.storageKey)).toBe(1);
  });

  it('works in batches: each batch is checked and deleted on its own', async () => {
    const orphans = await Promise.all(Array.from({ length: 7 }, () => orphan(2 * HOUR)));
    const batches: number[] = [];
    const result = await sweep({ batchSize: 3, whileLocked: async (keys) => void batches.push(keys.length) });
    expect(result.removed).toBe(7);
    expect(batches.length).toBeGreaterThanOrEqual(3); // 7 orphans and the earlier kept file, 3 per batch
    expect(Math.max(...batches)).toBeLessThanOrEqual(3);
    for (const key of orphans) expect(await store().exists(key)).toBe(false);
  });

  it('keeps a file whose row commits while the sweep runs (the writer was mid-transaction when the sweep checked)', async () => {
    const file = await stage(2 * HOUR); // an upload that took longer than the grace period to commit
    let commit!: () => void;
    let recorded!: () => void;
    const wasRecorded = new Promise<void>((r) => (recorded = r));
    const writer = handle.db.transaction(async (tx) => {
      await reply(tx, file);
      recorded();
      await new Promise<void>((r) => (commit = r));
    });
    await wasRecorded;
    const sweeping = sweep();
    await untilWaitingForLock();
    commit();
    await writer;
    await sweeping;
    expect(await rowFor(file.storageKey)).toBe(1);
    expect(await store().exists(file.storageKey)).toBe(true);
  });

  it('a writer that arrives after the check waits, then fails cleanly: never a row without its file', async () => {
    const file = await stage(2 * HOUR);
    let writer: Promise<unknown> | undefined;
    await sweep({
      whileLocked: async (keys) => {
        if (!keys.includes(file.storageKey)) return;
        writer = reply(handle.db, file).catch((error: unknown) => error);
        await untilWaitingForLock();
      },
    });
    const error = await writer;
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as ServiceError).code).toBe('conflict');
    expect(await rowFor(file.storageKey)).toBe(0);
    expect(await store().exists(file.storageKey)).toBe(false);
  });

  it('refuses to sweep a store that belongs to another database', async () => {
    const otherDir = await mkdtemp(path.join(os.tmpdir(), 'tp-sweep-other-'));
    try {
      const other = new LocalDiskStore(otherDir);
      await other.claimOwner('another-installation');
      const key = await other.put(new TextEncoder().encode('theirs'));
      const then = new Date(Date.now() - 2 * HOUR);
      await utimes(path.join(otherDir, key.slice(0, 2), key), then, then);
      const result = await sweep({ store: other });
      expect(result.refused).toMatch(/belongs to another database/);
      expect(await other.exists(key)).toBe(true);
    } finally {
      await rm(otherDir, { recursive: true, force: true });
    }
  });

  it('runs as the attachment-sweep job the worker schedules', async () => {
    const worker = await startJobWorker(handle);
    try {
      expect((await worker.getSchedules()).map((s) => s.name)).toContain(QUEUES.attachmentSweep.name);
    } finally {
      await worker.stop({ graceful: false, wait: true });
    }
    const boss = await testBoss(handle);
    try {
      const old = await orphan(2 * HOUR);
      await boss.send(QUEUES.attachmentSweep.name, {});
      expect(await workQueueOnce(boss, handle.db)).toEqual({ completed: 1, failed: 0 });
      expect(await store().exists(old)).toBe(false);
    } finally {
      await stopBoss(boss);
    }
  });
});
