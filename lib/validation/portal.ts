import { z } from 'zod';
import { emailSchema, lineText, multilineText, passwordSchema, secretText, wholeNumberOf } from './common';
import { bodySchema, portalRequestSchema, publicKeySchema } from './tickets';

/** A request without an account: the request itself plus the address to answer. */
export const guestRequestSchema = portalRequestSchema.extend({
  email: emailSchema,
  name: lineText()
    .trim()
    .max(120, 'Use at most 120 characters')
    .optional()
    .transform((v) => v || null),
});
export type GuestRequestInput = z.infer<typeof guestRequestSchema>;

export const passwordResetRequestSchema = z.object({ email: emailSchema });

export const passwordResetSchema = z
  .object({ password: passwordSchema, confirm: secretText('Type the password again').max(200, 'Use at most 200 characters') })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'The two passwords are different' });

export const ratingSchema = z.object({
  score: wholeNumberOf(1, 5, 'Choose a rating from 1 to 5'),
  comment: multilineText()
    .trim()
    .max(2000, 'Keep the comment under 2,000 characters')
    .optional()
    .transform((v) => v ?? ''),
});
export type RatingInput = z.infer<typeof ratingSchema>;

export const guestReplySchema = z.object({ body: bodySchema });

/** A mailed link's token (reset, verification, guest and rating links): 256 random bits as 43 URL-safe characters. */
export const PORTAL_TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;
const BAD_LINK = 'That link is not valid. Open the link from the email again.';
export const portalTokenSchema = lineText(BAD_LINK, BAD_LINK).regex(PORTAL_TOKEN_SHAPE, BAD_LINK);

/** A form that carries a mailed link's token in its hidden `token` field. */
export const linkTokenFormSchema = z.object({ token: portalTokenSchema });

export type RatingTarget = { ticketKey: string } | { guestToken: string } | { ratingToken: string };

/**
 * Which request a rating is for: the signed-in request page's key, a guest link or the mailed rating link.
 * Exactly one of them; a bad one is reported on its own field.
 */
export const ratingTargetSchema = z
  .object({ ticketKey: publicKeySchema.optional(), guestToken: portalTokenSchema.optional(), ratingToken: portalTokenSchema.optional() })
  .refine((t) => [t.ticketKey, t.guestToken, t.ratingToken].filter((v) => v !== undefined).length === 1, {
    message: 'That request does not exist.',
    path: ['ticketKey'],
  })
  .transform((t): RatingTarget => (t.ratingToken !== undefined ? { ratingToken: t.ratingToken } : t.guestToken !== undefined ? { guestToken: t.guestToken } : { ticketKey: t.ticketKey! }));
