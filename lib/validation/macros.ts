import { z } from 'zod';
import { checkboxOf, emptyAsAbsent, idOf, lineText, multilineText, taxonomyKeyOf } from './common';

export const MAX_MACRO_BODY = 10_000;
const MACRO_STATUSES = ['open', 'pending', 'on_hold', 'solved'] as const;

const tagKey = lineText().trim().max(64, 'Choose tags from the list');
const keyList = z
  .union([tagKey, z.array(tagKey)], { message: 'Choose tags from the list' })
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter(Boolean))
  .pipe(z.array(tagKey).max(20, 'Choose at most 20 tags'));

/** The macro form (Settings → Macros): text, who sees it, and what it does on send. */
export const macroSchema = z.object({
  name: lineText('Give the macro a name').trim().min(1, 'Give the macro a name').max(80, 'Keep the name under 80 characters'),
  body: multilineText('Write the text the macro inserts').trim().min(1, 'Write the text the macro inserts').max(MAX_MACRO_BODY, `Keep the text under ${MAX_MACRO_BODY.toLocaleString('en-US')} characters`),
  shared: checkboxOf('Tick the box to share the macro, or leave it empty'),
  status: emptyAsAbsent(z.enum(MACRO_STATUSES, { message: 'Choose a status from the list' })),
  addTags: keyList,
  journeyStage: emptyAsAbsent(taxonomyKeyOf('Choose a journey stage from the list')),
});
export type MacroInput = z.infer<typeof macroSchema>;

export const macroIdSchema = z.object({ macroId: idOf('Choose a macro from the list') });
