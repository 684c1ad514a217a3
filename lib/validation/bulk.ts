import { z } from 'zod';
import { PRIORITIES, SETTABLE_STATUSES } from '@/lib/domain/ticket-values';
import { idOf, lineText } from './common';

export const MAX_BULK = 100;

const ticketIds = idOf('Select tickets from the list');

/** A bulk edit from the inbox: selected ticket ids and one change. */
export const bulkEditSchema = z.object({
  ids: lineText('Select at least one ticket')
    .max(MAX_BULK * 12, `Select at most ${MAX_BULK} tickets at once`)
    .transform((v): (string | number)[] => [...new Set(v.split(',').map((id) => id.trim()).filter(Boolean))])
    .pipe(z.array(ticketIds).min(1, 'Select at least one ticket').max(MAX_BULK, `Select at most ${MAX_BULK} tickets at once`))
    .transform((ids) => [...new Set(ids)]),
  action: z.enum(['assign', 'status', 'priority', 'tag'], { message: 'Choose what to change' }),
  value: lineText('Choose a value').trim().min(1, 'Choose a value').max(64, 'Choose a value from the list'),
});

export const bulkValueSchemas = {
  assign: z.union([z.literal('me'), z.literal('none'), idOf('Choose an agent')], { message: 'Choose an agent' }),
  status: z.enum(SETTABLE_STATUSES, { message: 'Choose a status' }),
  priority: z.enum(PRIORITIES, { message: 'Choose a priority' }),
  tag: lineText().regex(/^[a-z0-9_]+$/, 'Choose a tag'),
} as const;
