import { TZDate } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from '../validation/settings';
import { addBusinessSeconds, businessSeconds, isOpenAt } from './business-hours';

const H = 3600;
const d = (iso: string) => new Date(iso);

const weekdays = (timeZone: string, holidays: string[] = [], start = '09:00', end = '17:00'): BusinessCalendar => ({
  timeZone,
  hours: [1, 2, 3, 4, 5].map((day) => ({ day, start, end })),
  holidays,
});
const everyDay = (timeZone: string, start: string, end: string): BusinessCalendar => ({
  timeZone,
  hours: [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, start, end })),
  holidays: [],
});

/** The METRICS.md default: Monday to Friday, 09:00–17:00, UTC. */
const UTC = weekdays('UTC');
const NY = weekdays('America/New_York');
const BERLIN = weekdays('Europe/Berlin');

// Calendar used below: 2026-03-06 is a Friday, 2026-03-08 (Sunday) is the US spring-forward day
// (02:00 EST → 03:00 EDT), 2026-11-01 (Sunday) the fall-back day (02:00 EDT → 01:00 EST).

describe('businessSeconds: default Mon–Fri 09:00–17:00 UTC', () => {
  it.each([
    ['Fri 16:00 → Mon 10:00 across the weekend = 2h', '2026-03-06T16:00:00Z', '2026-03-09T10:00:00Z', 2 * H],
    ['inside one day, Mon 10:00 → 12:30 = 2h30', '2026-03-09T10:00:00Z', '2026-03-09T12:30:00Z', 2.5 * H],
    ['both ends before opening, Mon 07:00 → 08:00 = 0', '2026-03-09T07:00:00Z', '2026-03-09T08:00:00Z', 0],
    ['start before opening, end after closing, Mon 06:00 → 20:00 = 8h', '2026-03-09T06:00:00Z', '2026-03-09T20:00:00Z', 8 * H],
    ['Sat 10:00 → Sun 23:00, closed all weekend = 0', '2026-03-07T10:00:00Z', '2026-03-08T23:00:00Z', 0],
    ['Fri 18:00 → Mon 08:00, outside hours at both ends = 0', '2026-03-06T18:00:00Z', '2026-03-09T08:00:00Z', 0],
    ['Sun 12:00 → Tue 12:00 = 8h + 3h = 11h', '2026-03-08T12:00:00Z', '2026-03-10T12:00:00Z', 11 * H],
    ['whole week Mon 00:00 → next Mon 00:00 = 40h', '2026-03-09T00:00:00Z', '2026-03-16T00:00:00Z', 40 * H],
    ['end equal to start = 0', '2026-03-09T10:00:00Z', '2026-03-09T10:00:00Z', 0],
    ['end before start = 0', '2026-03-09T12:00:00Z', '2026-03-09T10:00:00Z', 0],
    ['floors partial seconds, 10:00:00.000 → 10:00:01.999 = 1', '2026-03-09T10:00:00.000Z', '2026-03-09T10:00:01.999Z', 1],
    ['ends exactly at closing, Mon 16:59:59 → 17:00 = 1', '2026-03-09T16:59:59Z', '2026-03-09T17:00:00Z', 1],
    ['starts exactly at closing, Mon 17:00 → 18:00 = 0', '2026-03-09T17:00:00Z', '2026-03-09T18:00:00Z', 0],
  ])('%s', (_label, start, end, expected) => {
    expect(businessSeconds(UTC, d(start), d(end))).toBe(expected);
  });
});

describe('businessSeconds: holidays are local dates, closed all day', () => {
  it.each([
    ['holiday Mon 2026-03-09: Fri 16:00 → Mon 12:00 = 1h (Friday only)', weekdays('UTC', ['2026-03-09']), '2026-03-06T16:00:00Z', '2026-03-09T12:00:00Z', 1 * H],
    ['holiday Mon 2026-03-09: Fri 16:00 → Tue 10:00 = 1h + 1h = 2h', weekdays('UTC', ['2026-03-09']), '2026-03-06T16:00:00Z', '2026-03-10T10:00:00Z', 2 * H],
    ['holiday on a Saturday changes nothing: Fri 16:00 → Mon 10:00 = 2h', weekdays('UTC', ['2026-03-07']), '2026-03-06T16:00:00Z', '2026-03-09T10:00:00Z', 2 * H],
    // Auckland is UTC+13 in March: Monday 2026-03-09 09:00–17:00 NZDT = 2026-03-08T20:00Z–2026-03-09T04:00Z.
    ['Pacific/Auckland, Mon 2026-03-09 open = 8h', weekdays('Pacific/Auckland'), '2026-03-08T00:00:00Z', '2026-03-09T12:00:00Z', 8 * H],
    ['Pacific/Auckland, Mon 2026-03-09 a local holiday = 0 (local date, not the UTC date)', weekdays('Pacific/Auckland', ['2026-03-09']), '2026-03-08T00:00:00Z', '2026-03-09T12:00:00Z', 0],
    ['Pacific/Auckland, holiday 2026-03-08 (Sunday locally) changes nothing = 8h', weekdays('Pacific/Auckland', ['2026-03-08']), '2026-03-08T00:00:00Z', '2026-03-09T12:00:00Z', 8 * H],
  ])('%s', (_label, cal, start, end, expected) => {
    expect(businessSeconds(cal, d(start), d(end))).toBe(expected);
  });
});

describe('businessSeconds: non-UTC zones', () => {
  it.each([
    // Berlin in March before DST is UTC+1: Monday 09:00–17:00 CET = 08:00Z–16:00Z.
    ['Berlin Mon 2026-03-02 07:00Z → 12:00Z = 4h (opens 08:00Z)', BERLIN, '2026-03-02T07:00:00Z', '2026-03-02T12:00:00Z', 4 * H],
    ['Berlin Mon 2026-03-02 15:00Z → 18:00Z = 1h (closes 16:00Z)', BERLIN, '2026-03-02T15:00:00Z', '2026-03-02T18:00:00Z', 1 * H],
    // Berlin switches to CEST (UTC+2) on Sunday 2026-03-29: Monday 2026-03-30 opens 07:00Z.
    ['Berlin Mon 2026-03-30 (CEST) 07:00Z → 12:00Z = 5h (opens 07:00Z)', BERLIN, '2026-03-30T07:00:00Z', '2026-03-30T12:00:00Z', 5 * H],
    ['Berlin Fri 2026-03-27 → Mon 2026-03-30 across the DST weekend, local 09:00 → 17:00 = 8h + 8h = 16h', BERLIN, '2026-03-27T08:00:00Z', '2026-03-30T15:00:00Z', 16 * H],
    // New York in March before DST is UTC−5: Friday 09:00–17:00 EST = 14:00Z–22:00Z.
    ['New York Fri 2026-03-06 12:00Z → 15:00Z = 1h (opens 14:00Z)', NY, '2026-03-06T12:00:00Z', '2026-03-06T15:00:00Z', 1 * H],
    ['New York, a Friday evening local that is Saturday in UTC: Fri 21:00Z → Sat 02:00Z = 1h', NY, '2026-03-06T21:00:00Z', '2026-03-07T02:00:00Z', 1 * H],
  ])('%s', (_label, cal, start, end, expected) => {
    expect(businessSeconds(cal, d(start), d(end))).toBe(expected);
  });
});

describe('businessSeconds: DST in America/New_York', () => {
  it.each([
    // Spring forward, Sunday 2026-03-08: local 01:00 EST = 06:00Z, local 05:00 EDT = 09:00Z.
    ['spring forward, open daily 01:00–05:00: the skipped hour 02:00–03:00 is not counted = 3h', everyDay('America/New_York', '01:00', '05:00'), '2026-03-08T00:00:00Z', '2026-03-09T00:00:00Z', 3 * H],
    // Local 00:00 EST = 05:00Z → local 23:59 EDT = 03:59Z next day.
    ['spring forward, open daily 00:00–23:59 = 22h59m', everyDay('America/New_York', '00:00', '23:59'), '2026-03-08T05:00:00Z', '2026-03-09T04:00:00Z', 22 * H + 59 * 60],
    ['a normal day, open daily 00:00–23:59 = 23h59m', everyDay('America/New_York', '00:00', '23:59'), '2026-03-07T05:00:00Z', '2026-03-08T05:00:00Z', 23 * H + 59 * 60],
    // Fri 09:00 EST = 14:00Z … Mon 17:00 EDT = 21:00Z: 74h of UTC, 8h Friday + 8h Monday.
    ['Mon–Fri 09:00–17:00, Fri 2026-03-06 09:00 EST → Mon 2026-03-09 17:00 EDT = 8h + 8h = 16h', NY, '2026-03-06T14:00:00Z', '2026-03-09T21:00:00Z', 16 * H],
    // After the change Monday opens 13:00Z: Friday 14:00Z–22:00Z (8h) + Monday 13:00Z–14:00Z (1h).
    ['Mon–Fri 09:00–17:00, Fri 2026-03-06 14:00Z → Mon 2026-03-09 14:00Z = 8h + 1h = 9h (Monday opens 13:00Z)', NY, '2026-03-06T14:00:00Z', '2026-03-09T14:00:00Z', 9 * H],
    // Fall back, Sunday 2026-11-01: local 01:00 EDT = 05:00Z, local 05:00 EST = 10:00Z.
    ['fall back, open daily 01:00–05:00: the repeated hour 01:00–02:00 counts twice = 5h', everyDay('America/New_York', '01:00', '05:00'), '2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z', 5 * H],
    // Local 00:00 EDT = 04:00Z → local 23:59 EST = 04:59Z next day.
    ['fall back, open daily 00:00–23:59 = 24h59m', everyDay('America/New_York', '00:00', '23:59'), '2026-11-01T04:00:00Z', '2026-11-02T05:00:00Z', 24 * H + 59 * 60],
    // Fri 2026-10-30 09:00 EDT = 13:00Z … Mon 2026-11-02 17:00 EST = 22:00Z.
    ['Mon–Fri 09:00–17:00, Fri 2026-10-30 09:00 EDT → Mon 2026-11-02 17:00 EST = 8h + 8h = 16h', NY, '2026-10-30T13:00:00Z', '2026-11-02T22:00:00Z', 16 * H],
    // After the change Monday opens 14:00Z: Friday 13:00Z–21:00Z (8h) + Monday 14:00Z–15:00Z (1h).
    ['Mon–Fri 09:00–17:00, Fri 2026-10-30 13:00Z → Mon 2026-11-02 15:00Z = 8h + 1h = 9h (Monday opens 14:00Z)', NY, '2026-10-30T13:00:00Z', '2026-11-02T15:00:00Z', 9 * H],
  ])('%s', (_label, cal, start, end, expected) => {
    expect(businessSeconds(cal, d(start), d(end))).toBe(expected);
  });
});

describe('businessSeconds: calendar shapes', () => {
  it.each([
    ['no open hours at all = 0', { timeZone: 'UTC', hours: [], holidays: [] }, 0],
    ['an interval with start ≥ end is empty = 0', { timeZone: 'UTC', hours: [{ day: 1, start: '17:00', end: '09:00' }], holidays: [] }, 0],
    [
      'overlapping intervals are not counted twice, 09:00–13:00 + 12:00–17:00 = 8h',
      { timeZone: 'UTC', hours: [{ day: 1, start: '09:00', end: '13:00' }, { day: 1, start: '12:00', end: '17:00' }], holidays: [] },
      8 * H,
    ],
    [
      'split day 09:00–12:00 + 13:00–17:00 = 7h',
      { timeZone: 'UTC', hours: [{ day: 1, start: '09:00', end: '12:00' }, { day: 1, start: '13:00', end: '17:00' }], holidays: [] },
      7 * H,
    ],
  ])('%s (Mon 2026-03-09 00:00Z → Tue 00:00Z)', (_label, cal, expected) => {
    expect(businessSeconds(cal as BusinessCalendar, d('2026-03-09T00:00:00Z'), d('2026-03-10T00:00:00Z'))).toBe(expected);
  });

  it('an unknown time zone is a clear error', () => {
    expect(() => businessSeconds(weekdays('Mars/Olympus_Mons'), d('2026-03-09T00:00:00Z'), d('2026-03-10T00:00:00Z'))).toThrow(/Unknown time zone/);
  });
});

describe('businessSeconds: long spans', () => {
  it('two years of Mon–Fri 09:00–17:00 UTC, Mon 2026-01-05 → Mon 2028-01-03 = 104 weeks × 40h = 4160h', () => {
    expect(businessSeconds(UTC, d('2026-01-05T00:00:00Z'), d('2028-01-03T00:00:00Z'))).toBe(4160 * H);
  });

  it('the same span less two weekday holidays and one Saturday holiday = 4144h', () => {
    const cal = weekdays('UTC', ['2026-12-25', '2027-01-01', '2027-01-02']);
    expect(businessSeconds(cal, d('2026-01-05T00:00:00Z'), d('2028-01-03T00:00:00Z'))).toBe(4144 * H);
  });

  it('twenty years in New York stay fast', () => {
    const t0 = performance.now();
    const seconds = businessSeconds(NY, d('2020-01-06T05:00:00Z'), d('2040-01-02T05:00:00Z'));
    expect(performance.now() - t0).toBeLessThan(2000);
    // 2020-01-06 to 2040-01-02 local is 1043 whole weeks (Mon → Mon) of 40h each.
    expect(seconds).toBe(1043 * 40 * H);
  });
});

/** An independent reference: walk local days with TZDate and add up each open interval's overlap. */
function reference(cal: BusinessCalendar, start: Date, end: Date): number {
  if (end <= start) return 0;
  let total = 0;
  const first = new TZDate(start.getTime(), cal.timeZone);
  const day = new TZDate(first.getFullYear(), first.getMonth(), first.getDate() - 1, cal.timeZone);
  while (day.getTime() < end.getTime() + 2 * 86_400_000) {
    const ymd = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
    if (!cal.holidays.includes(ymd)) {
      for (const h of cal.hours.filter((x) => x.day === day.getDay())) {
        const [sh, sm] = h.start.split(':').map(Number);
        const [eh, em] = h.end.split(':').map(Number);
        const s = new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), sh, sm, cal.timeZone).getTime();
        const e = new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), eh, em, cal.timeZone).getTime();
        total += Math.max(0, Math.min(e, end.getTime()) - Math.max(s, start.getTime()));
      }
    }
    day.setDate(day.getDate() + 1);
  }
  return Math.floor(total / 1000);
}

/** A small deterministic pseudo-random generator (mulberry32). */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('businessSeconds agrees with a day-by-day TZDate reference', () => {
  const calendars: [string, BusinessCalendar][] = [
    ['UTC weekdays with holidays', weekdays('UTC', ['2026-03-09', '2026-12-25', '2027-07-05'])],
    ['New York weekdays with holidays', weekdays('America/New_York', ['2026-07-03', '2026-11-26', '2027-01-01'])],
    ['Berlin weekdays', BERLIN],
    ['Sydney, split days and Saturday', {
      timeZone: 'Australia/Sydney',
      hours: [1, 2, 3, 4, 5].flatMap((day) => [{ day, start: '08:30', end: '12:00' }, { day, start: '13:00', end: '18:15' }]).concat([{ day: 6, start: '10:00', end: '14:00' }]),
      holidays: ['2026-04-03', '2026-12-25'],
    }],
  ];
  it.each(calendars)('%s: 60 random spans from minutes to 1.5 years', (_label, cal) => {
    const next = random(42);
    const base = Date.UTC(2025, 9, 1);
    for (let i = 0; i < 60; i++) {
      const start = base + Math.floor(next() * 600 * 86_400_000);
      const length = Math.floor(next() ** 3 * 550 * 86_400_000);
      expect(businessSeconds(cal, new Date(start), new Date(start + length)), `${new Date(start).toISOString()} +${length}ms`).toBe(
        reference(cal, new Date(start), new Date(start + length)),
      );
    }
  });
});

describe('addBusinessSeconds', () => {
  it.each([
    ['UTC Fri 16:00 + 2h → Mon 10:00', UTC, '2026-03-06T16:00:00Z', 2 * H, '2026-03-09T10:00:00Z'],
    ['UTC Fri 16:00 + 1h ends exactly at Friday closing → Fri 17:00, not Mon 09:00', UTC, '2026-03-06T16:00:00Z', 1 * H, '2026-03-06T17:00:00Z'],
    ['UTC Sat 12:00 + 1s → Mon 09:00:01', UTC, '2026-03-07T12:00:00Z', 1, '2026-03-09T09:00:01Z'],
    ['UTC Mon 07:00 + 8h → Mon 17:00', UTC, '2026-03-09T07:00:00Z', 8 * H, '2026-03-09T17:00:00Z'],
    ['UTC Mon 07:00 + 40h → Fri 17:00', UTC, '2026-03-09T07:00:00Z', 40 * H, '2026-03-13T17:00:00Z'],
    ['UTC Mon 07:00 + 40h + 1s → next Mon 09:00:01', UTC, '2026-03-09T07:00:00Z', 40 * H + 1, '2026-03-16T09:00:01Z'],
    ['UTC + 0 → start, even outside hours', UTC, '2026-03-07T12:00:00Z', 0, '2026-03-07T12:00:00Z'],
    ['UTC, holiday Mon 2026-03-09: Fri 16:00 + 2h → Tue 10:00', weekdays('UTC', ['2026-03-09']), '2026-03-06T16:00:00Z', 2 * H, '2026-03-10T10:00:00Z'],
    // Friday closes 22:00Z (EST), Monday opens 13:00Z (EDT).
    ['New York Fri 2026-03-06 16:00 EST + 2h → Mon 2026-03-09 10:00 EDT (14:00Z)', NY, '2026-03-06T21:00:00Z', 2 * H, '2026-03-09T14:00:00Z'],
    ['New York Fri 2026-10-30 16:00 EDT + 2h → Mon 2026-11-02 10:00 EST (15:00Z)', NY, '2026-10-30T20:00:00Z', 2 * H, '2026-11-02T15:00:00Z'],
    ['New York daily 01:00–05:00, Sun 2026-03-08 01:00 EST + 3h → 05:00 EDT (09:00Z)', everyDay('America/New_York', '01:00', '05:00'), '2026-03-08T06:00:00Z', 3 * H, '2026-03-08T09:00:00Z'],
    ['New York daily 01:00–05:00, Sun 2026-03-08 01:00 EST + 3h + 1s → Mon 01:00:01 EDT', everyDay('America/New_York', '01:00', '05:00'), '2026-03-08T06:00:00Z', 3 * H + 1, '2026-03-09T05:00:01Z'],
    ['UTC Mon 2026-01-05 00:00 + 4160h (104 weeks) → Fri 2027-12-31 17:00', UTC, '2026-01-05T00:00:00Z', 4160 * H, '2027-12-31T17:00:00Z'],
  ])('%s', (_label, cal, start, seconds, expected) => {
    expect(addBusinessSeconds(cal, d(start), seconds).toISOString()).toBe(d(expected).toISOString());
  });

  it('a calendar without open hours is a clear error', () => {
    expect(() => addBusinessSeconds({ timeZone: 'UTC', hours: [], holidays: [] }, d('2026-03-09T00:00:00Z'), 60)).toThrow(
      'The business calendar has no open hours',
    );
  });

  it('negative budgets are rejected', () => {
    expect(() => addBusinessSeconds(UTC, d('2026-03-09T00:00:00Z'), -1)).toThrow(RangeError);
  });

  const calendars: [string, BusinessCalendar][] = [
    ['UTC', weekdays('UTC', ['2026-03-09', '2026-12-25'])],
    ['New York', weekdays('America/New_York', ['2026-11-26'])],
    ['New York daily 01:00–05:00', everyDay('America/New_York', '01:00', '05:00')],
    ['Berlin', BERLIN],
  ];
  const starts = ['2026-03-06T16:00:00Z', '2026-03-07T12:34:56Z', '2026-03-08T06:30:00Z', '2026-10-30T20:00:00.250Z', '2026-11-01T05:30:00Z', '2026-12-24T16:59:59Z'];
  const budgets = [0, 1, 59, 3600, 2 * H + 17, 8 * H, 8 * H + 1, 40 * H, 41 * H + 123, 500 * H, 3000 * H];
  it.each(calendars)('%s: round trips, businessSeconds(start, addBusinessSeconds(start, s)) = s, and nothing earlier', (_label, cal) => {
    for (const start of starts) {
      for (const s of budgets) {
        const t = addBusinessSeconds(cal, d(start), s);
        expect(businessSeconds(cal, d(start), t), `${start} + ${s}s`).toBe(s);
        if (s > 0) expect(businessSeconds(cal, d(start), new Date(t.getTime() - 1000)), `${start} + ${s}s, a second earlier`).toBe(s - 1);
      }
    }
  });
});

describe('isOpenAt', () => {
  it.each([
    ['UTC Mon 09:00 (opening instant) → open', UTC, '2026-03-09T09:00:00Z', true],
    ['UTC Mon 16:59:59 → open', UTC, '2026-03-09T16:59:59Z', true],
    ['UTC Mon 17:00 (closing instant) → closed', UTC, '2026-03-09T17:00:00Z', false],
    ['UTC Sat 12:00 → closed', UTC, '2026-03-07T12:00:00Z', false],
    ['UTC holiday Mon 12:00 → closed', weekdays('UTC', ['2026-03-09']), '2026-03-09T12:00:00Z', false],
    ['New York Mon 2026-03-09 13:00Z (09:00 EDT) → open', NY, '2026-03-09T13:00:00Z', true],
    ['New York Fri 2026-03-06 13:00Z (08:00 EST) → closed', NY, '2026-03-06T13:00:00Z', false],
  ])('%s', (_label, cal, at, expected) => {
    expect(isOpenAt(cal, d(at))).toBe(expected);
  });
});
