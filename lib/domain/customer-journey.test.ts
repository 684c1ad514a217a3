import { describe, expect, it } from 'vitest';
import { journeyStrip, recontactFlags, recontactText, type HistoryTicket } from './customer-journey';

const day = (d: number, h = 0) => new Date(Date.UTC(2026, 2, d, h));
const t = (id: number, created: Date, stage: string | null, extra: Partial<HistoryTicket> = {}): HistoryTicket => ({
  id,
  createdAt: created,
  firstSolvedAt: null,
  journeyStage: stage,
  recontactTicketId: null,
  mergedIntoId: null,
  ...extra,
});

describe('customer journey', () => {
  it('lists the stages in time order, merging runs and skipping tickets without a stage or merged away', () => {
    const tickets = [t(4, day(9), 'usage'), t(1, day(1), 'purchase'), t(2, day(2), 'purchase'), t(3, day(3), null), t(5, day(10), 'renewal', { mergedIntoId: 4 }), t(6, day(11), 'usage')];
    expect(journeyStrip(tickets).map((s) => [s.stage, s.tickets])).toEqual([
      ['purchase', 2],
      ['usage', 2],
    ]);
  });

  it('flags the later ticket of each stored re-contact, with the time since the first solve', () => {
    const tickets = [t(1, day(1), 'purchase', { firstSolvedAt: day(2), recontactTicketId: 2 }), t(2, day(4, 5), 'purchase'), t(3, day(5), null)];
    const flags = recontactFlags(tickets);
    expect([...flags.keys()]).toEqual([2]);
    expect(recontactText(flags.get(2)!)).toBe('re-contact 2 days after #1 was solved');
    expect(recontactText({ solvedTicketId: 7, hoursAfter: 5 })).toBe('re-contact 5 hours after #7 was solved');
    expect(recontactText({ solvedTicketId: 7, hoursAfter: 0 })).toBe('re-contact within an hour of #7 being solved');
  });
});
