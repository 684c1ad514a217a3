import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type PgBoss from 'pg-boss';
import { desc } from 'drizzle-orm';
import { outboundEmails } from '@/db/schema';
import { bossFor } from '@/server/jobs/worker';
import { readTestSink } from '@/server/mail/test-sink';
import type { TestDbHandle } from '../helpers/db';

/** A pg-boss on the test database that polls nothing by itself: tests work the queue with workQueueOnce. */
export async function testBoss(handle: TestDbHandle): Promise<PgBoss> {
  const boss = bossFor(handle, { worker: false });
  // Closing the test database drops it with force: a pool connection pg-boss is still ending then reports
  // "terminating connection due to administrator command" (57P01). That is the teardown, not a failure.
  boss.on('error', (error: Error & { code?: string }) => {
    if (error.code !== '57P01') throw error;
  });
  await boss.start();
  return boss;
}

export async function stopBoss(boss: PgBoss | undefined) {
  await boss?.stop({ graceful: false, wait: true });
}

/** What admins see in Settings → Outbox: private links masked. */
export async function outbox(handle: TestDbHandle) {
  return handle.db.select().from(outboundEmails).orderBy(desc(outboundEmails.id));
}

// Mail as the customer gets it, links included, comes from the test-only sink (server/mail/test-sink.ts).
process.env.TP_TEST_MAIL_SINK ??= fs.mkdtempSync(path.join(os.tmpdir(), 'tp-mail-sink-'));

/** Every mail delivered in this test process, whole, newest first. */
export function sentMail() {
  return readTestSink(process.env.TP_TEST_MAIL_SINK!).map((m) => ({ kind: m.kind, toAddress: m.to, subject: m.subject, body: m.text }));
}

/** The first link in a mail body that matches the path prefix. */
export function linkIn(body: string, prefix: string): string {
  const match = new RegExp(`https?://[^\\s]+${prefix.replace(/\//g, '\\/')}[A-Za-z0-9_-]+`).exec(body);
  if (!match) throw new Error(`no ${prefix} link in:\n${body}`);
  return match[0];
}
export const tokenOf = (link: string) => link.slice(link.lastIndexOf('/') + 1);
