import { z } from 'zod';
import { emailSchema, passwordSchema } from './common';
import { bodySchema, portalRequestSchema } from './tickets';

/** A request without an account: the request itself plus the address to answer. */
export const guestRequestSchema = portalRequestSchema.extend({
  email: emailSchema,
  name: z
    .string()
    .trim()
    .max(120, 'Use at most 120 characters')
    .optional()
    .transform((v) => v || null),
});
export type GuestRequestInput = z.infer<typeof guestRequestSchema>;

export const passwordResetRequestSchema = z.object({ email: emailSchema });

export const passwordResetSchema = z
  .object({ password: passwordSchema, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'The two passwords are different' });

export const ratingSchema = z.object({
  score: z.coerce
    .number({ message: 'Choose a rating from 1 to 5' })
    .int('Choose a rating from 1 to 5')
    .min(1, 'Choose a rating from 1 to 5')
    .max(5, 'Choose a rating from 1 to 5'),
  comment: z
    .string()
    .trim()
    .max(2000, 'Keep the comment under 2,000 characters')
    .optional()
    .transform((v) => v ?? ''),
});
export type RatingInput = z.infer<typeof ratingSchema>;

export const guestReplySchema = z.object({ body: bodySchema });
