import { z } from 'zod';
import { lineText, multilineText } from './common';

/** The lists an admin edits in Settings → Taxonomy. */
export const TAXONOMY_KINDS = ['journey_stage', 'touchpoint', 'tag_group', 'tag'] as const;
export type TaxonomyKind = (typeof TAXONOMY_KINDS)[number];

const kind = z.enum(TAXONOMY_KINDS, { message: 'Choose what to edit' });
/** An existing key: imported tags may carry keys that are not slugs, so only the length is checked here. */
const existingKey = lineText('Choose an entry').trim().min(1, 'Choose an entry').max(64, 'Choose an entry from the list');

/** A new key: it never changes once created, so it is a plain lowercase slug. */
export const newTaxonomyKeySchema = lineText('Enter a key')
  .trim()
  .min(1, 'Enter a key')
  .max(40, 'Keep the key under 40 characters')
  .regex(/^[a-z][a-z0-9_]*$/, 'Use lowercase letters, digits and underscores, starting with a letter (like late_delivery)');

const label = lineText('Enter a label').trim().min(1, 'Enter a label').max(80, 'Keep the label under 80 characters');
const description = multilineText().trim().max(300, 'Keep the description under 300 characters').default('');
const portalLabel = lineText().trim().max(80, 'Keep the portal wording under 80 characters').optional();

export const addTaxonomyEntrySchema = z.object({
  kind,
  key: newTaxonomyKeySchema,
  label,
  description,
  portalLabel,
  /** Tags only: the group the tag goes in. */
  group: lineText().trim().max(64, 'Choose a group from the list').optional(),
});
export type AddTaxonomyEntryInput = z.infer<typeof addTaxonomyEntrySchema>;

/** Rename and describe. There is no field for the key: it cannot change. */
export const updateTaxonomyEntrySchema = z.object({ kind, key: existingKey, label, description, portalLabel });
export type UpdateTaxonomyEntryInput = z.infer<typeof updateTaxonomyEntrySchema>;

export const moveTaxonomyEntrySchema = z.object({ kind, key: existingKey, direction: z.enum(['up', 'down'], { message: 'Move up or down' }) });
export type MoveTaxonomyEntryInput = z.infer<typeof moveTaxonomyEntrySchema>;

export const retireTaxonomyEntrySchema = z.object({
  kind,
  key: existingKey,
  retired: z.enum(['true', 'false'], { message: 'Retire or restore' }).transform((v) => v === 'true'),
});
export type RetireTaxonomyEntryInput = z.infer<typeof retireTaxonomyEntrySchema>;
