/** First contact resolution and one-touch (METRICS.md, "First contact resolution"). */

export interface FcrInputs {
  firstSolvedAt: Date | null;
  repliesBeforeFirstSolve: number;
  reopenCount: number;
  /** Whether the same customer opened another ticket inside the re-contact window after the first solve. */
  recontacted: boolean;
}

/** true / false, or null when the ticket was never solved or was solved without a reply. */
export function computeFcr(t: FcrInputs): boolean | null {
  if (t.firstSolvedAt === null || t.repliesBeforeFirstSolve === 0) return null;
  return t.repliesBeforeFirstSolve === 1 && t.reopenCount === 0 && !t.recontacted;
}

/** Zendesk-compatible one-touch: solved now with at most one agent reply. */
export function computeOneTouch(t: { status: string; firstSolvedAt: Date | null; agentReplyCount: number }): boolean | null {
  if (t.status === 'solved' || t.status === 'closed') return t.agentReplyCount <= 1;
  if (t.firstSolvedAt !== null) return false;
  return null;
}

export const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Whether `laterCreatedAt` re-contacts a ticket first solved at `firstSolvedAt`: inside
 * (first_solved_at, first_solved_at + N × 24 h]. The caller checks same customer, kind and merge state.
 */
export function isRecontact(firstSolvedAt: Date, laterCreatedAt: Date, windowDays: number): boolean {
  const delta = laterCreatedAt.getTime() - firstSolvedAt.getTime();
  return delta > 0 && delta <= windowDays * DAY_MS;
}
