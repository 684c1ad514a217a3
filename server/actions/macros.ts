'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import type { ActionResult } from '@/lib/errors';
import { macroIdSchema, macroSchema } from '@/lib/validation/macros';
import { requireStaff } from '../auth/session';
import { createMacro, deleteMacro, updateMacro } from '../services/macros';
import { formToObject, parseInput, runAction } from './run-action';

/** Creates a macro, or updates one when the form carries `macroId`. Who may do which is in macro-rules. */
export async function saveMacroAction(form: FormData): Promise<ActionResult<{ id: number }>> {
  return runAction(async () => {
    const staff = await requireStaff('ticket:reply');
    const raw = formToObject(form);
    const input = parseInput(macroSchema, raw);
    const db = await getDb();
    const macro = raw.macroId
      ? await updateMacro(db, staff, parseInput(macroIdSchema, raw).macroId, input)
      : await createMacro(db, staff, input);
    revalidatePath('/macros');
    return { id: macro.id };
  });
}

export async function deleteMacroAction(form: FormData): Promise<ActionResult<{ id: number }>> {
  return runAction(async () => {
    const staff = await requireStaff('ticket:reply');
    const { macroId } = parseInput(macroIdSchema, formToObject(form));
    await deleteMacro(await getDb(), staff, macroId);
    revalidatePath('/macros');
    return { id: macroId };
  });
}
