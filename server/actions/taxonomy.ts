'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import type { ActionResult } from '@/lib/errors';
import { addTaxonomyEntrySchema, moveTaxonomyEntrySchema, retireTaxonomyEntrySchema, updateTaxonomyEntrySchema } from '@/lib/validation/taxonomy';
import { requireStaff } from '../auth/session';
import { addTaxonomyEntry, moveTaxonomyEntry, setTaxonomyEntryRetired, updateTaxonomyEntry } from '../services/taxonomy-admin';
import { formToObject, parseInput, runAction } from './run-action';

// Each action re-checks the permission: a server action is a public POST endpoint, whatever the page shows.

export async function addTaxonomyEntryAction(form: FormData): Promise<ActionResult<{ key: string }>> {
  return runAction(async () => {
    await requireStaff('settings:manage');
    const result = await addTaxonomyEntry(await getDb(), parseInput(addTaxonomyEntrySchema, formToObject(form)));
    revalidatePath('/settings/taxonomy');
    return result;
  });
}

export async function updateTaxonomyEntryAction(form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await requireStaff('settings:manage');
    await updateTaxonomyEntry(await getDb(), parseInput(updateTaxonomyEntrySchema, formToObject(form)));
    revalidatePath('/settings/taxonomy');
    return undefined;
  });
}

export async function moveTaxonomyEntryAction(form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await requireStaff('settings:manage');
    await moveTaxonomyEntry(await getDb(), parseInput(moveTaxonomyEntrySchema, formToObject(form)));
    revalidatePath('/settings/taxonomy');
    return undefined;
  });
}

export async function retireTaxonomyEntryAction(form: FormData): Promise<ActionResult<{ retired: boolean }>> {
  return runAction(async () => {
    await requireStaff('settings:manage');
    const input = parseInput(retireTaxonomyEntrySchema, formToObject(form));
    await setTaxonomyEntryRetired(await getDb(), input);
    revalidatePath('/settings/taxonomy');
    return { retired: input.retired };
  });
}
