import { sql } from 'drizzle-orm';
import { rowsOf } from '@/db/client';
import { QUEUES } from '@/db/queue-schema';
import { enqueueMail } from '@/server/mail/enqueue';
import type { TestDbHandle } from '../helpers/db';

export interface MailJobState {
  id: string;
  to: string;
  state: string;
  retryCount: number;
  output: { message?: string } | null;
}

/** Queues one password-reset mail per address, in one transaction (as a bulk change would). */
export async function enqueueMails(handle: TestDbHandle, addresses: readonly string[]): Promise<void> {
  await handle.db.transaction(async (tx) => {
    for (const to of addresses) await enqueueMail(tx, to, { kind: 'password_reset', link: `http://localhost/portal/reset/${encodeURIComponent(to)}` });
  });
}

/** Every mail job with its pg-boss state, by recipient. */
export async function mailJobs(handle: TestDbHandle): Promise<MailJobState[]> {
  return rowsOf<MailJobState>(
    await handle.db.execute(sql`
      select id::text, data->>'to' as "to", state::text, retry_count as "retryCount", output
      from pgboss.job where name = ${QUEUES.mail.name} order by created_on, id`),
  );
}

export const addresses = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}@example.com`);
