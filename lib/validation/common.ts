import { z } from 'zod';
import { lineText, secretText } from './text';

export { comparedOnlyText, lineText, multilineText, secretText } from './text';

export const emailSchema = lineText('Enter an email address')
  .trim()
  .min(1, 'Enter an email address')
  .max(254, 'That email address is too long')
  .email('Enter a valid email address, like name@example.com')
  .transform((e) => e.toLowerCase());

export const passwordSchema = secretText('Enter a password')
  .min(8, 'Use at least 8 characters')
  .max(200, 'Use at most 200 characters');

export const nameSchema = lineText('Enter your name').trim().min(1, 'Enter your name').max(120, 'Use at most 120 characters');

/** The largest value of a Postgres `integer` column: every serial id and the ticket version. */
export const PG_INTEGER_MAX = 2_147_483_647;

const DIGITS = /^\d{1,20}$/;

/**
 * A whole number from min to max, as inputs spell it: a number (JSON) or digits (a URL or form). "0x10",
 * "1e3", "-1", true or [5] are refused rather than quietly read as numbers, and every failure has one message.
 */
export const wholeNumberOf = (min: number, max: number, message: string) =>
  z
    .union([z.number(), lineText(message, message).trim().regex(DIGITS, message).transform(Number)], { error: message })
    .pipe(z.number({ error: message }).refine((n) => Number.isSafeInteger(n) && n >= min && n <= max, message));

/**
 * A row id: within the `integer` column's range, so 2147483648 is a bad id with a message rather than a
 * database error. `message` names what the id is for.
 */
export const idOf = (message = `Send an id: a whole number from 1 to ${PG_INTEGER_MAX}`) => wholeNumberOf(1, PG_INTEGER_MAX, message);

/** A row id (see idOf) with the generic message. */
export const idSchema = idOf();

/** True when the text is an id idSchema accepts (for ids inside other text, like `team:12`). */
export const isIdText = (value: string) => DIGITS.test(value) && idSchema.safeParse(value).success;

/**
 * A `bigint` counter read back as a JS number (the inbox's change sequence): exact up to 2^53 − 1, far below
 * the column's own limit, so anything larger was never handed out.
 */
export const sequenceOf = (message: string) => wholeNumberOf(0, Number.MAX_SAFE_INTEGER, message);

/**
 * Whether an instant can be stored and compared as a Postgres timestamptz as JS writes it: years 1 to 9999.
 * Postgres has no year 0 (it refuses "0000-01-01"), and toISOString spells years past 9999 as "+010000-…".
 */
export function isStorableInstant(ms: number): boolean {
  if (!Number.isFinite(ms)) return false;
  const year = new Date(ms).getUTCFullYear();
  return year >= 1 && year <= 9999;
}

/** An optional form field: "" (an empty input or an unchosen select) counts as not given. */
export const emptyAsAbsent = <S extends z.ZodType>(schema: S) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

/** A checkbox: "on" (or "true") when ticked, absent or "" when not; anything else is not a checkbox's value. */
export const checkboxOf = (message: string) =>
  z
    .enum(['on', 'true', ''], { message })
    .optional()
    .transform((v) => v === 'on' || v === 'true');

/** A journey stage or touchpoint key: a slug, as every key the taxonomy creates (lib/validation/taxonomy.ts). */
export const taxonomyKeyOf = (message = 'Choose a value from the list') => lineText(message).trim().min(1, message).max(64, message).regex(/^[a-z0-9_]+$/, message);

/** An optional stage or touchpoint from a form: "" (nothing chosen) is null. */
export const optionalKey = emptyAsAbsent(taxonomyKeyOf()).transform((v) => v ?? null);
