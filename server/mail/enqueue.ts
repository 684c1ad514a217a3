import PgBoss from 'pg-boss';
import type { Db } from '@/db/client';
import { executorForDb } from '@/db/queue-sql';
import { QUEUES } from '@/db/queue-schema';
import { seal } from './seal';
import { renderMail, type MailKind, type MailMessage } from './templates';

/** A mail job's payload: the template name and address in clear (for the logs), the content sealed. */
export interface MailJob {
  kind: MailKind;
  to: string;
  sealed: string;
}

/**
 * Queues one mail. Pass the transaction of the change that causes it: the job commits with the change,
 * or not at all. Mail is never sent inside the request; the worker sends it, with retries.
 */
export async function enqueueMail(db: Db, to: string, message: MailMessage): Promise<void> {
  const job: MailJob = { kind: message.kind, to, sealed: seal(JSON.stringify(renderMail(message))) };
  // A PgBoss bound to this transaction only writes the job row; it opens no connection of its own.
  const boss = new PgBoss({ db: executorForDb(db), supervise: false, schedule: false, migrate: false });
  await boss.send(QUEUES.mail.name, job as unknown as object);
}
