import type { Db } from '@/db/client';
import { outboundEmails } from '@/db/schema';
import type { MailJob } from './enqueue';
import { maskPrivateLinks } from './mask-links';
import { unseal } from './seal';
import type { RenderedMail } from './templates';
import { writeToTestSink } from './test-sink';
import { mailBatchPlanFromEnv, smtpTransport, withDeadline } from './transport';

/**
 * Sends one queued mail: through SMTP when SMTP_URL is set, otherwise into the outbox table that admins
 * read in Settings → Outbox, with its private links hidden. A throw makes the queue retry the job later. The job id keeps a retried
 * job from writing the same outbox row twice.
 */
export async function deliverMail(db: Db, jobId: string, job: MailJob, env: NodeJS.ProcessEnv = process.env): Promise<'smtp' | 'outbox'> {
  const mail = JSON.parse(unseal(job.sealed, env)) as RenderedMail;
  if (env.SMTP_URL) {
    const plan = mailBatchPlanFromEnv(env);
    const sending = smtpTransport(env.SMTP_URL, plan).sendMail({
      from: env.MAIL_FROM || 'Touchpoint Support <support@touchpoint.invalid>',
      to: job.to,
      subject: mail.subject,
      text: mail.text,
    });
    await withDeadline(sending, plan.sendTimeoutMs, 'sending the mail over SMTP');
    return 'smtp';
  }
  if (env.TP_TEST_MAIL_SINK) writeToTestSink(env.TP_TEST_MAIL_SINK, jobId, { kind: job.kind, to: job.to, ...mail });
  // Admins read the outbox: it records that a private link was sent, never the link (mask-links.ts).
  const { text, hidden } = maskPrivateLinks(mail.text);
  await db
    .insert(outboundEmails)
    .values({ kind: job.kind, toAddress: job.to, subject: mail.subject, body: text, hiddenLinks: hidden, jobId })
    .onConflictDoNothing({ target: outboundEmails.jobId });
  return 'outbox';
}
