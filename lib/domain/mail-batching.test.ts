import { describe, expect, it } from 'vitest';
import { MAIL_BATCH_DEFAULTS, mailBatchPlan } from './mail-batching';

describe('mail batch plan', () => {
  it('uses the defaults when nothing is asked', () => {
    expect(mailBatchPlan({}, 300)).toEqual({
      batchSize: MAIL_BATCH_DEFAULTS.batchSize,
      concurrency: MAIL_BATCH_DEFAULTS.concurrency,
      sendTimeoutMs: MAIL_BATCH_DEFAULTS.sendTimeoutSeconds * 1000,
    });
  });

  it('caps the batch so that a batch of timed-out sends still ends inside the job expiry', () => {
    // 300 s expiry, 60 s per send: 4 rounds of 5 sends fit in 240 s.
    const plan = mailBatchPlan({ batchSize: 500, concurrency: 5, sendTimeoutSeconds: 60 }, 300);
    expect(plan.batchSize).toBe(20);
    expect(Math.ceil(plan.batchSize / plan.concurrency) * plan.sendTimeoutMs).toBeLessThanOrEqual(300_000 * 0.8);
  });

  it('clamps nonsense to something that works', () => {
    expect(mailBatchPlan({ batchSize: 0, concurrency: -3, sendTimeoutSeconds: Number.NaN }, 300)).toEqual({ batchSize: 1, concurrency: 1, sendTimeoutMs: 30_000 });
    // An expiry shorter than one send still allows one round.
    expect(mailBatchPlan({ concurrency: 4, sendTimeoutSeconds: 30 }, 10).batchSize).toBe(4);
  });
});
