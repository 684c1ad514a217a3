import { can, type StaffActor } from './permissions';

/** Who may use and who may change a macro (DESIGN.md: leads and admins manage; agents keep personal ones). */
export interface MacroOwnership {
  shared: boolean;
  ownerId: number;
}

export const canUseMacro = (staff: StaffActor, macro: MacroOwnership) => macro.shared || macro.ownerId === staff.id;

/** Shared macros need `macros:manage`; a personal one belongs to its owner alone. */
export const canEditMacro = (staff: StaffActor, macro: MacroOwnership) => (macro.shared ? can(staff, 'macros:manage') : macro.ownerId === staff.id);

/** Anyone on staff may keep personal macros; sharing one needs `macros:manage`. */
export const canCreateMacro = (staff: StaffActor, shared: boolean) => !shared || can(staff, 'macros:manage');
