import { z } from 'zod';

export const emailSchema = z
  .string()
  .trim()
  .min(1, 'Enter an email address')
  .max(254, 'That email address is too long')
  .email('Enter a valid email address, like name@example.com')
  .transform((e) => e.toLowerCase());

export const passwordSchema = z
  .string()
  .min(8, 'Use at least 8 characters')
  .max(200, 'Use at most 200 characters');

export const nameSchema = z.string().trim().min(1, 'Enter your name').max(120, 'Use at most 120 characters');

/** A row id: a positive Postgres integer, so a huge number is a bad id rather than a database error. */
export const idSchema = z.coerce.number().int().positive().max(2_147_483_647);

/** Empty form fields arrive as "": treat them as "not given". */
export const optionalKey = z
  .string()
  .trim()
  .max(64)
  .optional()
  .transform((v) => (v ? v : null));
