/**
 * How a worker takes mail off the queue: `batchSize` jobs per fetch, at most `concurrency` SMTP sends at
 * once (and as many pooled SMTP connections), each send given `sendTimeoutMs`.
 *
 * pg-boss gives a batch handler the jobs' expiry (expireInSeconds) as its deadline and then fails every job
 * of the batch that is not settled yet, while the handler keeps sending them: those mails would go out and
 * then be sent again on retry. So the batch is capped so that even the worst batch, where every send runs
 * into its time-out (ceil(batchSize / concurrency) rounds of sendTimeout), ends well inside the expiry.
 */
export interface MailBatchPlan {
  batchSize: number;
  concurrency: number;
  sendTimeoutMs: number;
}

export interface MailBatchRequest {
  batchSize?: number;
  concurrency?: number;
  sendTimeoutSeconds?: number;
}

export const MAIL_BATCH_DEFAULTS = { batchSize: 50, concurrency: 10, sendTimeoutSeconds: 30 } as const;

/** The share of the expiry a worst-case batch may use; the rest is margin for the database calls. */
const EXPIRY_SHARE = 0.8;

function clampInt(value: number | undefined, min: number, max: number, fallback: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.floor(value)));
}

export function mailBatchPlan(requested: MailBatchRequest, expireInSeconds: number): MailBatchPlan {
  const concurrency = clampInt(requested.concurrency, 1, 50, MAIL_BATCH_DEFAULTS.concurrency);
  const sendTimeoutSeconds = clampInt(requested.sendTimeoutSeconds, 1, 120, MAIL_BATCH_DEFAULTS.sendTimeoutSeconds);
  const rounds = Math.max(1, Math.floor((expireInSeconds * EXPIRY_SHARE) / sendTimeoutSeconds));
  const batchSize = Math.min(clampInt(requested.batchSize, 1, 500, MAIL_BATCH_DEFAULTS.batchSize), rounds * concurrency);
  return { batchSize, concurrency, sendTimeoutMs: sendTimeoutSeconds * 1000 };
}
