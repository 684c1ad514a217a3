import { z } from 'zod';
import { PRIORITIES, SETTABLE_STATUSES } from '@/lib/domain/ticket-values';

export const MAX_BULK = 100;

/** A bulk edit from the inbox: selected ticket ids and one change. */
export const bulkEditSchema = z.object({
  ids: z
    .string({ message: 'Select at least one ticket' })
    .transform((v) => [...new Set(v.split(',').filter(Boolean).map(Number))])
    .pipe(z.array(z.number().int().positive()).min(1, 'Select at least one ticket').max(MAX_BULK, `Select at most ${MAX_BULK} tickets at once`)),
  action: z.enum(['assign', 'status', 'priority', 'tag'], { message: 'Choose what to change' }),
  value: z.string().trim().min(1, 'Choose a value').max(64),
});

export const bulkValueSchemas = {
  assign: z.union([z.literal('me'), z.literal('none'), z.coerce.number().int().positive()], { message: 'Choose an agent' }),
  status: z.enum(SETTABLE_STATUSES, { message: 'Choose a status' }),
  priority: z.enum(PRIORITIES, { message: 'Choose a priority' }),
  tag: z.string().regex(/^[a-z0-9_]+$/, 'Choose a tag'),
} as const;
