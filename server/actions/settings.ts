'use server';

import { revalidatePath } from 'next/cache';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { teams } from '@/db/schema';
import { ServiceError, type ActionResult } from '@/lib/errors';
import {
  businessHoursFormSchema,
  createApiTokenFormSchema,
  generalSettingsFormSchema,
  revokeApiTokenFormSchema,
  slaPolicyFormSchema,
  teamAutoAssignSchema,
} from '@/lib/validation/settings-forms';
import { requireStaff } from '../auth/session';
import { createApiToken, revokeApiToken } from '../services/api-tokens';
import { getSettings, updateSettings } from '../services/settings';
import { findStaffByEmail } from '../services/staff';
import { formToObject, parseInput, runAction } from './run-action';

/** Time zone (workspace and business calendar alike), re-contact window and auto-close delay. */
export async function saveGeneralSettingsAction(
  form: FormData,
): Promise<ActionResult<{ timeZone: string; recontactWindowDays: number; autoCloseDays: number }>> {
  return runAction(async () => {
    await requireStaff('settings:manage');
    const input = parseInput(generalSettingsFormSchema, formToObject(form));
    const db = await getDb();
    const current = await getSettings(db);
    const saved = await updateSettings(db, {
      timeZone: input.timeZone,
      recontactWindowDays: input.recontactWindowDays,
      autoCloseDays: input.autoCloseDays,
      businessCalendar: { ...current.businessCalendar, timeZone: input.timeZone },
    });
    revalidatePath('/settings');
    return { timeZone: saved.timeZone, recontactWindowDays: saved.recontactWindowDays, autoCloseDays: saved.autoCloseDays };
  });
}

/** The workspace calendar's weekly hours and holidays; its time zone is set with the general settings. */
export async function saveBusinessHoursAction(form: FormData): Promise<ActionResult<{ openDays: number; holidays: number }>> {
  return runAction(async () => {
    await requireStaff('settings:manage');
    const input = parseInput(businessHoursFormSchema, formToObject(form));
    const db = await getDb();
    const current = await getSettings(db);
    await updateSettings(db, { businessCalendar: { ...current.businessCalendar, hours: input.hours, holidays: input.holidays } });
    revalidatePath('/settings');
    return { openDays: input.hours.length, holidays: input.holidays.length };
  });
}

/** First-response and resolution targets for every priority. */
export async function saveSlaPolicyAction(form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await requireStaff('settings:manage');
    const slaPolicy = parseInput(slaPolicyFormSchema, formToObject(form));
    await updateSettings(await getDb(), { slaPolicy });
    revalidatePath('/settings');
    return undefined;
  });
}

/** Creates a token for a staff member. The token itself is in this result and nowhere else, ever. */
export async function createApiTokenAction(form: FormData): Promise<ActionResult<{ id: number; token: string; name: string; email: string }>> {
  return runAction(async () => {
    await requireStaff('tokens:manage');
    const input = parseInput(createApiTokenFormSchema, formToObject(form));
    const db = await getDb();
    const owner = await findStaffByEmail(db, input.email);
    if (!owner || owner.deactivatedAt) {
      throw new ServiceError('invalid', 'Some fields need your attention.', {
        fieldErrors: { email: [`No active staff member has the email ${input.email}.`] },
      });
    }
    const { id, token } = await createApiToken(db, { email: owner.email, name: input.name });
    revalidatePath('/settings');
    return { id, token, name: input.name, email: owner.email };
  });
}

/** Revokes a token at once; requests carrying it get 401 from then on. Revoking twice is harmless. */
export async function revokeApiTokenAction(form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await requireStaff('tokens:manage');
    const { id } = parseInput(revokeApiTokenFormSchema, formToObject(form));
    await revokeApiToken(await getDb(), id);
    revalidatePath('/settings');
    return undefined;
  });
}

/** Turns round-robin auto-assignment on or off for one team. */
export async function setTeamAutoAssignAction(form: FormData): Promise<ActionResult<{ teamId: number; autoAssign: boolean }>> {
  return runAction(async () => {
    await requireStaff('settings:manage');
    const input = parseInput(teamAutoAssignSchema, formToObject(form));
    // In a transaction, so an unknown team rolls back the workspace-version bump of the teams trigger.
    await (await getDb()).transaction(async (tx) => {
      const updated = await tx.update(teams).set({ autoAssign: input.autoAssign }).where(eq(teams.id, input.teamId)).returning({ id: teams.id });
      if (updated.length === 0) throw new ServiceError('not_found', 'That team does not exist.', { fieldErrors: { teamId: ['Choose a team from the list'] } });
    });
    revalidatePath('/settings');
    return input;
  });
}
