import { z } from 'zod';
import { idSchema } from './common';

export const MAX_MACRO_BODY = 10_000;
const MACRO_STATUSES = ['open', 'pending', 'on_hold', 'solved'] as const;

const keyList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : (Array.isArray(v) ? v : [v])).map((k) => k.trim()).filter(Boolean))
  .pipe(z.array(z.string().max(64)).max(20, 'Choose at most 20 tags'));

/** The macro form (Settings → Macros): text, who sees it, and what it does on send. */
export const macroSchema = z.object({
  name: z.string().trim().min(1, 'Give the macro a name').max(80, 'Keep the name under 80 characters'),
  body: z.string().trim().min(1, 'Write the text the macro inserts').max(MAX_MACRO_BODY, `Keep the text under ${MAX_MACRO_BODY.toLocaleString('en-US')} characters`),
  shared: z
    .union([z.literal('on'), z.literal('true'), z.literal('')])
    .optional()
    .transform((v) => v === 'on' || v === 'true'),
  status: z
    .enum(MACRO_STATUSES, { message: 'Choose a status from the list' })
    .optional()
    .or(z.literal('').transform(() => undefined)),
  addTags: keyList,
  journeyStage: z
    .string()
    .trim()
    .max(64)
    .optional()
    .transform((v) => v || undefined),
});
export type MacroInput = z.infer<typeof macroSchema>;

export const macroIdSchema = z.object({ macroId: idSchema });
