'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import type { ActionResult } from '@/lib/errors';
import { availabilitySchema } from '@/lib/validation/settings-forms';
import { requireStaff } from '../auth/session';
import { setAvailability } from '../services/round-robin';
import { formToObject, parseInput, runAction } from './run-action';

/** The header switch: available agents take round-robin tickets from their team. */
export async function setAvailabilityAction(form: FormData): Promise<ActionResult<{ available: boolean }>> {
  return runAction(async () => {
    const staff = await requireStaff('ticket:read');
    const { available } = parseInput(availabilitySchema, formToObject(form));
    await setAvailability(await getDb(), staff.id, available);
    revalidatePath('/', 'layout');
    return { available };
  });
}
