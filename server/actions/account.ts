'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import type { ActionResult } from '@/lib/errors';
import { passwordChangeSchema, revokeStaffSessionsSchema } from '@/lib/validation/auth';
import { getSessionAccount, requireSignedIn, requireStaff } from '../auth/session';
import { requestOrigin } from '../http/request-origin';
import { changePassword, revokeStaffSessions, signOutEverywhere } from '../services/account-security';
import { formToObject, parseInput, runAction } from './run-action';

/** Staff and portal customers alike change their own password; their other sessions end. */
export async function changePasswordAction(form: FormData): Promise<ActionResult<{ endedSessions: number }>> {
  return runAction(async () => {
    const actor = await requireSignedIn();
    const input = parseInput(passwordChangeSchema, formToObject(form));
    const session = await getSessionAccount();
    return changePassword(await getDb(), { kind: actor.kind, id: actor.id }, input, session?.sid, await requestOrigin());
  });
}

/** Ends every session of the signed-in person, this one included; the browser then clears its cookie. */
export async function signOutEverywhereAction(): Promise<ActionResult<{ endedSessions: number }>> {
  return runAction(async () => {
    const actor = await requireSignedIn();
    return signOutEverywhere(await getDb(), { kind: actor.kind, id: actor.id }, await requestOrigin());
  });
}

/** Admins (users:manage): sign a staff member out of every browser, e.g. a lost laptop or a leaver. */
export async function revokeStaffSessionsAction(form: FormData): Promise<ActionResult<{ endedSessions: number; email: string }>> {
  return runAction(async () => {
    const admin = await requireStaff('users:manage');
    const { userId } = parseInput(revokeStaffSessionsSchema, formToObject(form));
    const result = await revokeStaffSessions(await getDb(), { kind: 'staff', id: admin.id }, userId, await requestOrigin());
    revalidatePath('/settings');
    return result;
  });
}
