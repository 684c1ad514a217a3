import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from '../validation/settings';
import { DEFAULT_SLA_POLICY, isAtRisk, slaDeadline, slaTargetState, ticketSlaTargets, type SlaPolicy, type SlaTarget } from './sla';

const UTC: BusinessCalendar = { timeZone: 'UTC', hours: [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '17:00' })), holidays: [] };
const d = (iso: string) => new Date(iso);
const plus = (date: Date, seconds: number) => new Date(date.getTime() + seconds * 1000);
const iso = (date: Date | null | undefined) => date?.toISOString() ?? null;

describe('DEFAULT_SLA_POLICY (METRICS.md, calendar hours)', () => {
  it.each([
    ['urgent', 1, 8],
    ['high', 4, 24],
    ['normal', 8, 72],
    ['low', 24, 168],
  ] as const)('%s: first response %dh, resolution %dh', (priority, fr, res) => {
    expect(DEFAULT_SLA_POLICY[priority]).toEqual({
      firstResponse: { minutes: fr * 60, mode: 'calendar' },
      resolution: { minutes: res * 60, mode: 'calendar' },
    });
  });
});

describe('slaDeadline', () => {
  it.each([
    ['calendar 8h from Fri 16:00 → Sat 00:00 (weekends count)', '2026-03-06T16:00:00Z', { minutes: 480, mode: 'calendar' }, '2026-03-07T00:00:00Z'],
    ['business 8h from Fri 15:00 → 2h Fri + 6h Mon → Mon 15:00', '2026-03-06T15:00:00Z', { minutes: 480, mode: 'business' }, '2026-03-09T15:00:00Z'],
    ['business 2h from Fri 15:00 → ends at Friday closing, Fri 17:00', '2026-03-06T15:00:00Z', { minutes: 120, mode: 'business' }, '2026-03-06T17:00:00Z'],
    ['business 1 min from Sat 12:00 → Mon 09:01', '2026-03-07T12:00:00Z', { minutes: 1, mode: 'business' }, '2026-03-09T09:01:00Z'],
  ] as [string, string, SlaTarget, string][])('%s', (_label, start, target, expected) => {
    expect(slaDeadline(d(start), target, UTC).toISOString()).toBe(d(expected).toISOString());
  });
});

describe('slaTargetState', () => {
  const deadline = d('2026-03-02T18:00:00Z');
  it.each([
    ['met exactly at the deadline', deadline, plus(deadline, 3600), 'met'],
    ['met before the deadline', plus(deadline, -60), plus(deadline, 3600), 'met'],
    ['breached one second after the deadline', plus(deadline, 1), plus(deadline, 3600), 'breached'],
    ['running before the deadline', null, plus(deadline, -1), 'running'],
    ['running at the deadline instant', null, deadline, 'running'],
    ['breached one second past the deadline with no event', null, plus(deadline, 1), 'breached'],
    ['a late completion keeps the breach final', plus(deadline, 60), plus(deadline, 120), 'breached'],
  ] as const)('%s → %s', (_label, completedAt, now, expected) => {
    expect(slaTargetState({ deadline, completedAt, now })).toBe(expected);
  });
});

describe('ticketSlaTargets', () => {
  const created = d('2026-03-02T10:00:00Z'); // Monday
  const base = { createdByKind: 'customer' as const, clockStartedAt: created, firstResponseAt: null, firstSolvedAt: null, priority: 'normal' as const };

  it('a customer ticket: normal priority deadlines 8h and 72h after creation, nothing completed yet', () => {
    const t = ticketSlaTargets(base, DEFAULT_SLA_POLICY, UTC);
    expect(iso(t.firstResponse?.deadline)).toBe('2026-03-02T18:00:00.000Z');
    expect(t.firstResponse?.completedAt).toBeNull();
    expect(iso(t.resolution?.deadline)).toBe('2026-03-05T10:00:00.000Z');
    expect(t.resolution?.completedAt).toBeNull();
    expect(iso(t.firstResponse?.start)).toBe(iso(created));
  });

  it('deadlines follow the priority passed in (urgent: 1h, 8h)', () => {
    const t = ticketSlaTargets({ ...base, priority: 'urgent' }, DEFAULT_SLA_POLICY, UTC);
    expect(iso(t.firstResponse?.deadline)).toBe('2026-03-02T11:00:00.000Z');
    expect(iso(t.resolution?.deadline)).toBe('2026-03-02T18:00:00.000Z');
  });

  it.each([
    ['first response before the solve: FR completes at the reply', '2026-03-02T11:00:00Z', '2026-03-02T12:00:00Z', '2026-03-02T11:00:00Z'],
    ['solved without a reply: the solve completes FR', null, '2026-03-02T12:00:00Z', '2026-03-02T12:00:00Z'],
    ['a staff reply after the solve: FR completed at the solve', '2026-03-02T13:00:00Z', '2026-03-02T12:00:00Z', '2026-03-02T12:00:00Z'],
    ['replied, not solved: FR completes at the reply', '2026-03-02T11:00:00Z', null, '2026-03-02T11:00:00Z'],
  ])('%s', (_label, firstResponseAt, firstSolvedAt, frCompleted) => {
    const t = ticketSlaTargets(
      { ...base, firstResponseAt: firstResponseAt ? d(firstResponseAt) : null, firstSolvedAt: firstSolvedAt ? d(firstSolvedAt) : null },
      DEFAULT_SLA_POLICY,
      UTC,
    );
    expect(iso(t.firstResponse?.completedAt)).toBe(d(frCompleted).toISOString());
    expect(iso(t.resolution?.completedAt)).toBe(firstSolvedAt ? d(firstSolvedAt).toISOString() : null);
  });

  it('an api ticket counts as a customer ticket', () => {
    const t = ticketSlaTargets({ ...base, createdByKind: 'api' }, DEFAULT_SLA_POLICY, UTC);
    expect(iso(t.firstResponse?.deadline)).toBe('2026-03-02T18:00:00.000Z');
  });

  it.each([
    ['agent-created, no customer message → no targets', null, null],
    ['agent-created, no customer message, solved → no targets', null, '2026-03-02T12:00:00Z'],
    ['agent-created, the customer wrote after the solve → no targets', '2026-03-02T13:00:00Z', '2026-03-02T12:00:00Z'],
    ['agent-created, the customer wrote at the solve instant (not before) → no targets', '2026-03-02T12:00:00Z', '2026-03-02T12:00:00Z'],
  ])('%s', (_label, clockStartedAt, firstSolvedAt) => {
    const t = ticketSlaTargets(
      { ...base, createdByKind: 'agent', clockStartedAt: clockStartedAt ? d(clockStartedAt) : null, firstSolvedAt: firstSolvedAt ? d(firstSolvedAt) : null },
      DEFAULT_SLA_POLICY,
      UTC,
    );
    expect(t).toEqual({ firstResponse: null, resolution: null });
  });

  it('agent-created, the customer wrote before the solve: the clock starts at that message', () => {
    const t = ticketSlaTargets(
      { ...base, createdByKind: 'agent', clockStartedAt: d('2026-03-02T11:00:00Z'), firstSolvedAt: d('2026-03-02T12:00:00Z') },
      DEFAULT_SLA_POLICY,
      UTC,
    );
    expect(iso(t.firstResponse?.deadline)).toBe('2026-03-02T19:00:00.000Z');
    expect(iso(t.firstResponse?.completedAt)).toBe('2026-03-02T12:00:00.000Z');
    expect(iso(t.resolution?.deadline)).toBe('2026-03-05T11:00:00.000Z');
  });

  it('agent-created, the customer wrote and the ticket is unsolved: targets run', () => {
    const t = ticketSlaTargets({ ...base, createdByKind: 'agent', clockStartedAt: d('2026-03-02T11:00:00Z') }, DEFAULT_SLA_POLICY, UTC);
    expect(iso(t.firstResponse?.deadline)).toBe('2026-03-02T19:00:00.000Z');
    expect(t.resolution?.completedAt).toBeNull();
  });

  it('business-minute targets over a weekend: created Fri 15:00, FR 480 business min → Mon 15:00, resolution 960 → Tue 15:00', () => {
    const policy: SlaPolicy = {
      ...DEFAULT_SLA_POLICY,
      high: { firstResponse: { minutes: 480, mode: 'business' }, resolution: { minutes: 960, mode: 'business' } },
    };
    const t = ticketSlaTargets({ ...base, clockStartedAt: d('2026-03-06T15:00:00Z'), priority: 'high' }, policy, UTC);
    expect(iso(t.firstResponse?.deadline)).toBe('2026-03-09T15:00:00.000Z');
    expect(iso(t.resolution?.deadline)).toBe('2026-03-10T15:00:00.000Z');
  });
});

describe('isAtRisk: less than 25% of the target left, in its own units', () => {
  // Calendar: 60 min target from 10:00, deadline 11:00. 24% left = 14.4 min, 26% = 15.6 min.
  const calStart = d('2026-03-02T10:00:00Z');
  const calTarget: SlaTarget = { minutes: 60, mode: 'calendar' };
  const calDeadline = d('2026-03-02T11:00:00Z');
  // Business: 480 business min (8h) from Fri 15:00, deadline Mon 15:00. 24% = 115.2 min, 26% = 124.8 min.
  const bizStart = d('2026-03-06T15:00:00Z');
  const bizTarget: SlaTarget = { minutes: 480, mode: 'business' };
  const bizDeadline = d('2026-03-09T15:00:00Z');

  it.each([
    ['calendar, 24% left (14.4 min) → at risk', 'calendar', plus(calDeadline, -14.4 * 60), null, true],
    ['calendar, 26% left (15.6 min) → not at risk', 'calendar', plus(calDeadline, -15.6 * 60), null, false],
    ['calendar, exactly 25% left → not at risk', 'calendar', plus(calDeadline, -15 * 60), null, false],
    ['calendar, breached → not at risk (no longer running)', 'calendar', plus(calDeadline, 1), null, false],
    ['calendar, met → not at risk', 'calendar', plus(calDeadline, -60), plus(calDeadline, -120), false],
    ['business, Mon 13:04:48 with 115.2 business min (24%) left → at risk', 'business', d('2026-03-09T13:04:48Z'), null, true],
    ['business, Mon 12:55:12 with 124.8 business min (26%) left → not at risk', 'business', d('2026-03-09T12:55:12Z'), null, false],
    ['business, Sun 23:00: 16h of calendar time but 6h (75%) of business time left → not at risk', 'business', d('2026-03-08T23:00:00Z'), null, false],
    ['business, Fri 16:45: 7h15m (≈91%) business left → not at risk', 'business', d('2026-03-06T16:45:00Z'), null, false],
  ] as const)('%s', (_label, mode, now, completedAt, expected) => {
    const input =
      mode === 'calendar'
        ? { target: calTarget, start: calStart, deadline: calDeadline }
        : { target: bizTarget, start: bizStart, deadline: bizDeadline };
    expect(isAtRisk({ ...input, completedAt, now, cal: UTC })).toBe(expected);
  });
});
