import { z } from 'zod';
import { PRIORITIES, type Priority } from '@/lib/domain/ticket-values';
import type { SlaPolicy, SlaTarget } from '@/lib/domain/sla';
import type { BusinessCalendar } from './settings';
import { checkboxOf, idOf, lineText, multilineText } from './common';
import { quoteForMessage } from './text';

/**
 * Schemas for the settings page's forms. Each parses a FormData-shaped object (strings; an unchecked
 * checkbox is simply absent) and outputs the shape `updateSettings` stores.
 */

// ---------------------------------------------------------------- shared pieces

/** A whole number typed into a text/number input, with messages a person can act on. */
const wholeNumber = (min: number, max: number) =>
  lineText('Enter a number.')
    .trim()
    .min(1, 'Enter a number.')
    .regex(/^\d{1,15}$/, 'Enter a whole number, without decimals or units.')
    .transform(Number)
    .pipe(z.number().min(min, `Enter a number from ${min} to ${max}.`).max(max, `Enter a number from ${min} to ${max}.`));

/** Every IANA zone name this runtime knows, plus UTC (which `supportedValuesOf` leaves out). */
export function knownTimeZones(): string[] {
  try {
    return ['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')];
  } catch {
    return ['UTC'];
  }
}

/**
 * The zone's usual spelling when it is a valid IANA name ("europe/paris" → "Europe/Paris"), else null.
 * Offsets such as "+01:00" are refused: a calendar needs a named zone to follow DST.
 */
export function normalizeTimeZone(input: string): string | null {
  const name = input.trim();
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name)) return null;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
  if (resolved.toLowerCase() === name.toLowerCase()) return resolved;
  return knownTimeZones().find((z) => z.toLowerCase() === name.toLowerCase()) ?? name;
}

const timeZone = lineText('Enter a time zone.')
  .trim()
  .min(1, 'Enter a time zone, for example Europe/Paris or UTC.')
  .max(100, 'That is not a time zone we know. Use an IANA name such as Europe/Paris or UTC.')
  .transform((value, ctx) => {
    const zone = normalizeTimeZone(value);
    if (zone) return zone;
    ctx.addIssue({ code: 'custom', message: `${quoteForMessage(value)} is not a time zone we know. Use an IANA name such as Europe/Paris or UTC.` });
    return z.NEVER;
  });

// ---------------------------------------------------------------- general

export const generalSettingsFormSchema = z.object({
  timeZone,
  recontactWindowDays: wholeNumber(0, 365),
  autoCloseDays: wholeNumber(1, 365),
});
export type GeneralSettingsForm = z.infer<typeof generalSettingsFormSchema>;

// ---------------------------------------------------------------- business hours

/** The form's rows, Monday first; `day` is the stored value (0 = Sunday, as in Date#getDay). */
export const WEEKDAYS = [
  { key: 'mon', day: 1, label: 'Monday' },
  { key: 'tue', day: 2, label: 'Tuesday' },
  { key: 'wed', day: 3, label: 'Wednesday' },
  { key: 'thu', day: 4, label: 'Thursday' },
  { key: 'fri', day: 5, label: 'Friday' },
  { key: 'sat', day: 6, label: 'Saturday' },
  { key: 'sun', day: 0, label: 'Sunday' },
] as const;

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function isRealDate(value: string): boolean {
  const m = ISO_DAY.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

const dayShape: Record<string, z.ZodType> = {};
for (const { key } of WEEKDAYS) {
  dayShape[`open_${key}`] = checkboxOf('Tick the day or leave it empty.');
  dayShape[`start_${key}`] = lineText().trim().max(10, 'Enter an opening time as 24-hour HH:MM.').optional();
  dayShape[`end_${key}`] = lineText().trim().max(10, 'Enter a closing time as 24-hour HH:MM.').optional();
}

/** A year of holidays is a few hundred characters; this leaves room for comments-free lists of many years. */
const MAX_HOLIDAYS_TEXT = 20_000;
const MAX_REPORTED_LINES = 5;

export const businessHoursFormSchema = z
  .object({ ...dayShape, holidays: multilineText().max(MAX_HOLIDAYS_TEXT, 'List fewer holidays (at most 20,000 characters).').optional() })
  .transform((raw, ctx): Pick<BusinessCalendar, 'hours' | 'holidays'> => {
    const form = raw as Record<string, string | undefined>;
    const hours: BusinessCalendar['hours'] = [];
    for (const { key, day, label } of WEEKDAYS) {
      if (!form[`open_${key}`]) continue;
      const start = form[`start_${key}`] ?? '';
      const end = form[`end_${key}`] ?? '';
      let ok = true;
      if (!HHMM.test(start)) {
        ctx.addIssue({ code: 'custom', path: [`start_${key}`], message: `${label}: enter an opening time as 24-hour HH:MM.` });
        ok = false;
      }
      if (!HHMM.test(end)) {
        ctx.addIssue({ code: 'custom', path: [`end_${key}`], message: `${label}: enter a closing time as 24-hour HH:MM.` });
        ok = false;
      }
      if (ok && start >= end) {
        ctx.addIssue({ code: 'custom', path: [`end_${key}`], message: `${label}: closing time must be after the opening time.` });
        ok = false;
      }
      if (ok) hours.push({ day, start, end });
    }

    const dayErrors = WEEKDAYS.some(({ key }) => form[`open_${key}`]) && hours.length === 0;
    if (hours.length === 0 && !dayErrors) {
      // Business-minute targets could never be reached on a calendar that is never open.
      ctx.addIssue({ code: 'custom', path: ['hours'], message: 'Open at least one day a week.' });
    }

    const holidays = new Set<string>();
    const badLines: string[] = [];
    (form.holidays ?? '').split(/\r?\n/).forEach((line, i) => {
      const value = line.trim();
      if (!value) return;
      if (isRealDate(value)) holidays.add(value);
      else badLines.push(`Line ${i + 1}: ${quoteForMessage(value)} is not a date in YYYY-MM-DD form.`);
    });
    // A pasted page of text would otherwise answer with thousands of messages: name the first few.
    const shown = badLines.slice(0, MAX_REPORTED_LINES);
    if (badLines.length > shown.length) shown.push(`…and ${badLines.length - shown.length} more lines that are not dates.`);
    for (const message of shown) ctx.addIssue({ code: 'custom', path: ['holidays'], message });
    return { hours, holidays: [...holidays].sort() };
  });

// ---------------------------------------------------------------- SLA policy

export const SLA_TARGETS = [
  { key: 'fr', field: 'firstResponse', label: 'First response' },
  { key: 'res', field: 'resolution', label: 'Resolution' },
] as const;

/** Priorities most urgent first, as the policy table shows them. */
export const SLA_PRIORITIES: readonly Priority[] = [...PRIORITIES].reverse();

const slaMode = z.enum(['calendar', 'business'], { error: 'Choose calendar or business minutes.' });
const slaShape: Record<string, z.ZodType> = {};
for (const p of PRIORITIES) {
  for (const t of SLA_TARGETS) {
    slaShape[`${p}_${t.key}_minutes`] = wholeNumber(1, 525_600);
    slaShape[`${p}_${t.key}_mode`] = slaMode;
  }
}

export const slaPolicyFormSchema = z.object(slaShape).transform((raw): SlaPolicy => {
  const form = raw as Record<string, unknown>;
  const target = (p: Priority, key: string): SlaTarget => ({
    minutes: form[`${p}_${key}_minutes`] as number,
    mode: form[`${p}_${key}_mode`] as SlaTarget['mode'],
  });
  return Object.fromEntries(
    PRIORITIES.map((p) => [p, { firstResponse: target(p, 'fr'), resolution: target(p, 'res') }]),
  ) as SlaPolicy;
});

// ---------------------------------------------------------------- API tokens

export const createApiTokenFormSchema = z.object({
  email: lineText('Choose a staff member.').trim().toLowerCase().max(254, 'Choose a staff member.').pipe(z.email('Choose a staff member.')),
  name: lineText('Give the token a name.')
    .trim()
    .min(1, 'Give the token a name, such as "BI export".')
    .max(80, 'Keep the name to 80 characters or fewer.'),
});

export const revokeApiTokenFormSchema = z.object({
  id: idOf('Choose a token from the list.'),
});

/** The header switch: available for round-robin assignment, or not. */
export const availabilitySchema = z.object({ available: z.enum(['true', 'false'], { message: 'available must be true or false' }).transform((v) => v === 'true') });

export const teamAutoAssignSchema = z.object({
  teamId: idOf('Choose a team'),
  autoAssign: z.enum(['true', 'false'], { message: 'autoAssign must be true or false' }).transform((v) => v === 'true'),
});
