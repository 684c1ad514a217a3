import nodemailer, { type Transporter } from 'nodemailer';
import SMTPPool from 'nodemailer/lib/smtp-pool';
import { QUEUES } from '@/db/queue-schema';
import { mailBatchPlan, type MailBatchPlan } from '@/lib/domain/mail-batching';

/** TP_MAIL_BATCH_SIZE, TP_MAIL_CONCURRENCY and TP_MAIL_SEND_TIMEOUT_SECONDS, within what the queue's expiry allows. */
export function mailBatchPlanFromEnv(env: NodeJS.ProcessEnv = process.env): MailBatchPlan {
  const numberOf = (name: string) => (env[name] ? Number(env[name]) : undefined);
  return mailBatchPlan(
    { batchSize: numberOf('TP_MAIL_BATCH_SIZE'), concurrency: numberOf('TP_MAIL_CONCURRENCY'), sendTimeoutSeconds: numberOf('TP_MAIL_SEND_TIMEOUT_SECONDS') },
    QUEUES.mail.options.expireInSeconds,
  );
}

const transports = new Map<string, Transporter>();

/**
 * One pooled SMTP transport per SMTP_URL and process: mails reuse open connections (up to 100 mails each)
 * instead of a TCP and SMTP handshake per mail, and at most `concurrency` connections are open, which is
 * also how many sends the worker runs at once. Query parameters in SMTP_URL (e.g. `?maxConnections=3`)
 * override these defaults.
 */
export function smtpTransport(url: string, plan: MailBatchPlan): Transporter {
  let transport = transports.get(url);
  if (!transport) {
    const pool = new SMTPPool({
      url,
      pool: true,
      maxConnections: plan.concurrency,
      maxMessages: 100,
      connectionTimeout: Math.min(10_000, plan.sendTimeoutMs),
      greetingTimeout: Math.min(10_000, plan.sendTimeoutMs),
      socketTimeout: plan.sendTimeoutMs,
    });
    transport = nodemailer.createTransport(pool);
    transports.set(url, transport);
  }
  return transport;
}

/** Closes the pooled connections (worker shutdown, tests). The next send opens new ones. */
export function closeMailTransports(): void {
  for (const transport of transports.values()) transport.close();
  transports.clear();
}

/**
 * The send, or a rejection after `ms`: a stalled server must not hold a batch past its jobs' expiry (see
 * mailBatchPlan). A mail that times out is retried and may then arrive twice: SMTP cannot promise more.
 */
export async function withDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
