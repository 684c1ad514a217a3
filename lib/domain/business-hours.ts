/**
 * Business hours (METRICS.md, "Business hours").
 *
 * Business seconds between two instants = the length of the overlap of [start, end) with the calendar's open
 * intervals, computed in the calendar's IANA time zone, across DST changes. An open interval is a span of local
 * wall-clock time on a local date ("Monday 09:00–17:00 in America/New_York"); its real length is the time that
 * actually elapses between its two local instants, so on a DST-change day a 01:00–05:00 interval lasts 3 h
 * (spring forward) or 5 h (fall back). Holidays are local dates, closed all day.
 *
 * Local times that do not exist (inside a spring-forward gap) are shifted forward by the gap; local times that
 * occur twice (inside a fall-back overlap) take the earlier instant. This is the "compatible" rule of Temporal
 * and of java.time.
 *
 * Time zone offsets come from Intl, once per zone and year, and are cached; after that every computation is
 * plain arithmetic, so rebuilding the metrics of many tickets stays cheap. Long spans skip whole weeks that
 * hold no holiday and no offset change.
 */
import type { BusinessCalendar } from '../validation/settings';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const DAY = 24 * 60 * MINUTE;
/** A guard against endless loops: no budget should need more than this many local days to use up. */
const MAX_SEARCH_DAYS = 366 * 400;

// ---------------------------------------------------------------------------------------------------------------
// Time zone offsets
// ---------------------------------------------------------------------------------------------------------------

interface OffsetTransition {
  /** The first UTC millisecond at which `offset` applies. */
  at: number;
  offset: number;
}

interface YearOffsets {
  /** The offset (ms, local − UTC) in force at 00:00 UTC on 1 January. */
  startOffset: number;
  /** Offset changes during the year, ascending. */
  transitions: OffsetTransition[];
}

interface Zone {
  name: string;
  /** A zone that never changes its offset (UTC and its aliases). */
  fixedOffset: number | null;
  format: Intl.DateTimeFormat | null;
  years: Map<number, YearOffsets>;
}

const UTC_ALIASES = new Set(['utc', 'etc/utc', 'etc/uct', 'uct', 'gmt', 'etc/gmt', 'etc/gmt0', 'etc/gmt+0', 'etc/gmt-0', 'gmt0', 'etc/universal', 'universal', 'etc/zulu', 'zulu', 'etc/greenwich', 'greenwich']);

const zones = new Map<string, Zone>();

function getZone(name: string): Zone {
  let zone = zones.get(name);
  if (zone) return zone;
  if (UTC_ALIASES.has(name.toLowerCase())) {
    zone = { name, fixedOffset: 0, format: null, years: new Map() };
  } else {
    let format: Intl.DateTimeFormat;
    try {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone: name,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new Error(`Unknown time zone "${name}"`);
    }
    zone = { name, fixedOffset: null, format, years: new Map() };
  }
  zones.set(name, zone);
  return zone;
}

/** The offset (ms, local − UTC) at a UTC instant, straight from Intl. Second precision. */
function intlOffset(format: Intl.DateTimeFormat, utcMs: number): number {
  const seconds = Math.floor(utcMs / SECOND) * SECOND;
  const fields: Record<string, number> = {};
  for (const part of format.formatToParts(seconds)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const local = Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute, fields.second);
  return local - seconds;
}

/**
 * The offsets of one UTC year. Sampled once a day, then each change is located to the second by bisection.
 * Two changes less than a day apart that cancel out would be missed; no zone has had such a pair.
 */
function yearOffsets(zone: Zone, year: number): YearOffsets {
  const cached = zone.years.get(year);
  if (cached) return cached;
  const format = zone.format!;
  const from = Date.UTC(year, 0, 1);
  const to = Date.UTC(year + 1, 0, 1);
  const startOffset = intlOffset(format, from);
  const transitions: OffsetTransition[] = [];
  let prevAt = from;
  let prevOffset = startOffset;
  for (let t = Math.min(from + DAY, to); ; t = Math.min(t + DAY, to)) {
    const offset = intlOffset(format, t);
    if (offset !== prevOffset) {
      // The change is in (prevAt, t]: find the first second at which the new offset applies.
      let lo = prevAt / SECOND; // old offset
      let hi = t / SECOND; // new offset
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (intlOffset(format, mid * SECOND) === prevOffset) lo = mid;
        else hi = mid;
      }
      const at = hi * SECOND;
      // The year that starts exactly at a change records it as its start offset instead.
      if (at < to) transitions.push({ at, offset: intlOffset(format, at) });
      prevOffset = offset;
    }
    prevAt = t;
    if (t >= to) break;
  }
  const result = { startOffset, transitions };
  zone.years.set(year, result);
  return result;
}

function utcYear(utcMs: number): number {
  return new Date(utcMs).getUTCFullYear();
}

/** The offset (ms, local − UTC) in force at a UTC instant. */
function offsetAt(zone: Zone, utcMs: number): number {
  if (zone.fixedOffset !== null) return zone.fixedOffset;
  const { startOffset, transitions } = yearOffsets(zone, utcYear(utcMs));
  let offset = startOffset;
  for (const tr of transitions) {
    if (tr.at > utcMs) break;
    offset = tr.offset;
  }
  return offset;
}

/** Whether the zone's offset changes anywhere in (fromMs, toMs]. */
function offsetChangesBetween(zone: Zone, fromMs: number, toMs: number): boolean {
  if (zone.fixedOffset !== null) return false;
  for (let y = utcYear(fromMs); y <= utcYear(toMs); y++) {
    if (yearOffsets(zone, y).transitions.some((tr) => tr.at > fromMs && tr.at <= toMs)) return true;
  }
  // A change exactly at the start of a year shows as a different start offset.
  for (let y = utcYear(fromMs) + 1; y <= utcYear(toMs); y++) {
    const yearStart = Date.UTC(y, 0, 1);
    if (yearStart > fromMs && yearStart <= toMs && offsetAt(zone, yearStart - 1) !== offsetAt(zone, yearStart)) return true;
  }
  return false;
}

/** Local wall-clock ms (local time read as if it were UTC) of a UTC instant. */
function toLocal(zone: Zone, utcMs: number): number {
  return utcMs + offsetAt(zone, utcMs);
}

/**
 * The UTC instant of a local wall-clock time. A time in a spring-forward gap moves forward by the gap; a time
 * in a fall-back overlap takes the earlier instant.
 */
function toUtc(zone: Zone, localMs: number): number {
  if (zone.fixedOffset !== null) return localMs - zone.fixedOffset;
  // Offsets lie within ±14 h, so these two probes bracket every instant that can show this wall-clock time.
  const before = offsetAt(zone, localMs - DAY);
  const after = offsetAt(zone, localMs + DAY);
  const early = localMs - before;
  if (offsetAt(zone, early) === before) return early;
  const late = localMs - after;
  if (offsetAt(zone, late) === after) return late;
  return early; // in a gap: read with the offset before the change, which lands after it
}

/** Days since 1970-01-01 of the local date of a UTC instant. */
function localDay(zone: Zone, utcMs: number): number {
  return Math.floor(toLocal(zone, utcMs) / DAY);
}

/** 0 = Sunday, as in Date#getDay. Day 0 (1970-01-01) was a Thursday. */
function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

// ---------------------------------------------------------------------------------------------------------------
// The calendar, compiled
// ---------------------------------------------------------------------------------------------------------------

interface CompiledCalendar {
  zone: Zone;
  /** Per weekday (0 = Sunday): sorted, disjoint [start, end) in ms after local midnight. */
  days: [number, number][][];
  /** Total wall-clock ms open in a week without holidays. */
  weekMs: number;
  /** Holiday local days (days since 1970-01-01), ascending. */
  holidays: number[];
  holidaySet: Set<number>;
}

function parseTime(value: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(value);
  if (!m) throw new Error(`Invalid business-hours time "${value}", use HH:MM`);
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return Math.min(Math.max(minutes, 0), 24 * 60) * MINUTE;
}

function parseHoliday(value: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(ms) ? null : ms / DAY;
}

function compile(cal: BusinessCalendar): CompiledCalendar {
  const zone = getZone(cal.timeZone);
  const raw: [number, number][][] = [[], [], [], [], [], [], []];
  for (const h of cal.hours) {
    if (!Number.isInteger(h.day) || h.day < 0 || h.day > 6) continue;
    const start = parseTime(h.start);
    const end = parseTime(h.end);
    if (start < end) raw[h.day].push([start, end]);
  }
  let weekMs = 0;
  const days = raw.map((intervals) => {
    intervals.sort((a, b) => a[0] - b[0]);
    const merged: [number, number][] = [];
    for (const [s, e] of intervals) {
      const last = merged[merged.length - 1];
      if (last && s <= last[1]) last[1] = Math.max(last[1], e);
      else merged.push([s, e]);
    }
    for (const [s, e] of merged) weekMs += e - s;
    return merged;
  });
  const holidaySet = new Set<number>();
  for (const h of cal.holidays) {
    const day = parseHoliday(h);
    if (day !== null) holidaySet.add(day);
  }
  const holidays = [...holidaySet].sort((a, b) => a - b);
  return { zone, days, weekMs, holidays, holidaySet };
}

/** Whether any holiday falls on local days [fromDay, fromDay + 7). */
function holidayInWeek(c: CompiledCalendar, fromDay: number): boolean {
  const hs = c.holidays;
  let lo = 0;
  let hi = hs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (hs[mid] < fromDay) lo = mid + 1;
    else hi = mid;
  }
  return lo < hs.length && hs[lo] < fromDay + 7;
}

/**
 * Whether local days [fromDay, fromDay + 7) are a plain week: no holiday and no offset change, so their open
 * time is exactly `weekMs`.
 */
function isPlainWeek(c: CompiledCalendar, fromDay: number): boolean {
  if (holidayInWeek(c, fromDay)) return false;
  // Every instant of these local days lies within a day of their wall-clock span.
  return !offsetChangesBetween(c.zone, fromDay * DAY - DAY, (fromDay + 7) * DAY + DAY);
}

/** The open intervals of one local day as UTC [start, end) pairs; none on a holiday. */
function openIntervals(c: CompiledCalendar, day: number): [number, number][] {
  if (c.holidaySet.has(day)) return [];
  const intervals = c.days[weekday(day)];
  if (intervals.length === 0) return intervals;
  const midnight = day * DAY;
  return intervals.map(([s, e]) => [toUtc(c.zone, midnight + s), toUtc(c.zone, midnight + e)]);
}

// ---------------------------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------------------------

/**
 * Whole seconds (floor) of the overlap of [start, end) with the calendar's open intervals. 0 when end <= start.
 */
export function businessSeconds(cal: BusinessCalendar, start: Date, end: Date): number {
  const from = start.getTime();
  const to = end.getTime();
  if (!(to > from)) return 0;
  const c = compile(cal);
  if (c.weekMs === 0) return 0;
  const firstDay = localDay(c.zone, from);
  const lastDay = localDay(c.zone, to);
  let total = 0;
  // One local day of margin on each side: an interval of a neighbouring local date can still overlap.
  for (let day = firstDay - 1; day <= lastDay + 1; ) {
    // Days at least two local days away from both ends lie wholly inside [start, end).
    if (day >= firstDay + 2 && day + 6 <= lastDay - 2 && isPlainWeek(c, day)) {
      total += c.weekMs;
      day += 7;
      continue;
    }
    for (const [s, e] of openIntervals(c, day)) {
      const overlap = Math.min(e, to) - Math.max(s, from);
      if (overlap > 0) total += overlap;
    }
    day++;
  }
  return Math.floor(total / SECOND);
}

/**
 * The earliest instant t ≥ start with businessSeconds(cal, start, t) === seconds: the moment the budget is used
 * up. When it runs out exactly at the end of an open interval, that end is returned, not the next opening.
 * seconds = 0 returns start.
 */
export function addBusinessSeconds(cal: BusinessCalendar, start: Date, seconds: number): Date {
  if (!Number.isFinite(seconds) || seconds < 0) throw new RangeError(`Business seconds must be a finite number ≥ 0, got ${seconds}`);
  const from = start.getTime();
  if (seconds === 0) return new Date(from);
  const c = compile(cal);
  if (c.weekMs === 0) throw new Error('The business calendar has no open hours');
  let remaining = seconds * SECOND;
  const firstDay = localDay(c.zone, from);
  for (let day = firstDay - 1; day <= firstDay + MAX_SEARCH_DAYS; ) {
    if (day >= firstDay + 2 && remaining > c.weekMs && isPlainWeek(c, day)) {
      remaining -= c.weekMs;
      day += 7;
      continue;
    }
    for (const [s, e] of openIntervals(c, day)) {
      const open = Math.max(s, from);
      if (e <= open) continue;
      if (remaining <= e - open) return new Date(open + remaining);
      remaining -= e - open;
    }
    day++;
  }
  throw new Error('The business calendar has no open hours in reach');
}

/** Whether the instant lies inside an open interval (start inclusive, end exclusive). */
export function isOpenAt(cal: BusinessCalendar, at: Date): boolean {
  const t = at.getTime();
  const c = compile(cal);
  if (c.weekMs === 0) return false;
  const day = localDay(c.zone, t);
  for (let d = day - 1; d <= day + 1; d++) {
    for (const [s, e] of openIntervals(c, d)) if (s <= t && t < e) return true;
  }
  return false;
}
