import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { cxTags, macros, type MacroActions } from '@/db/schema';
import { canCreateMacro, canEditMacro, canUseMacro } from '@/lib/domain/macro-rules';
import type { StaffActor } from '@/lib/domain/permissions';
import { ServiceError } from '@/lib/errors';
import type { MacroInput } from '@/lib/validation/macros';
import { findMacro } from '../queries/macros';
import { assertTaxonomyKeys } from './taxonomy';

const NOT_FOUND = 'That macro does not exist, or it is someone else’s personal macro.';

/** The actions a macro form describes, with its tags and stage checked against the live taxonomy. */
async function actionsOf(db: Db, input: MacroInput): Promise<MacroActions> {
  await assertTaxonomyKeys(db, { journeyStage: input.journeyStage });
  if (input.addTags.length) {
    const known = await db.select({ key: cxTags.key }).from(cxTags).where(and(inArray(cxTags.key, input.addTags), isNull(cxTags.retiredAt)));
    const unknown = input.addTags.filter((k) => !known.some((t) => t.key === k));
    if (unknown.length) throw new ServiceError('invalid', `Unknown CX tag: ${unknown.join(', ')}.`, { fieldErrors: { addTags: ['Choose tags from the list'] } });
  }
  return {
    ...(input.status ? { status: input.status } : {}),
    ...(input.addTags.length ? { addTags: [...new Set(input.addTags)] } : {}),
    ...(input.journeyStage ? { journeyStage: input.journeyStage } : {}),
  };
}

function refuseShared(): never {
  throw new ServiceError('forbidden', 'Only leads and admins can share macros. Untick "Shared" to keep it as your personal macro.', {
    fieldErrors: { shared: ['Only leads and admins can share macros'] },
  });
}

export async function createMacro(db: Db, staff: StaffActor, input: MacroInput) {
  if (!canCreateMacro(staff, input.shared)) refuseShared();
  const actions = await actionsOf(db, input);
  const [row] = await db.insert(macros).values({ name: input.name, body: input.body, shared: input.shared, actions, ownerId: staff.id }).returning();
  return row;
}

/** A macro the actor may change, or not_found (someone else's personal macro is not even acknowledged). */
async function editable(db: Db, staff: StaffActor, id: number) {
  const macro = await findMacro(db, id);
  if (!macro || !canUseMacro(staff, macro)) throw new ServiceError('not_found', NOT_FOUND);
  if (!canEditMacro(staff, macro)) throw new ServiceError('forbidden', 'Only leads and admins can change shared macros.');
  return macro;
}

export async function updateMacro(db: Db, staff: StaffActor, id: number, input: MacroInput) {
  const macro = await editable(db, staff, id);
  if (input.shared && !macro.shared && !canCreateMacro(staff, true)) refuseShared();
  const actions = await actionsOf(db, input);
  const [row] = await db
    .update(macros)
    .set({ name: input.name, body: input.body, shared: input.shared, actions, updatedAt: new Date() })
    .where(eq(macros.id, id))
    .returning();
  return row;
}

export async function deleteMacro(db: Db, staff: StaffActor, id: number): Promise<void> {
  await editable(db, staff, id);
  await db.delete(macros).where(eq(macros.id, id));
}

/** A macro the actor may use, for sending a reply with it. */
export async function usableMacro(db: Db, staff: StaffActor, id: number) {
  const macro = await findMacro(db, id);
  if (!macro || !canUseMacro(staff, macro)) throw new ServiceError('not_found', NOT_FOUND);
  return macro;
}
