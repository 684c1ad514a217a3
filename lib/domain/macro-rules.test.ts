import { describe, expect, it } from 'vitest';
import { canCreateMacro, canEditMacro, canUseMacro } from './macro-rules';
import type { StaffActor } from './permissions';

const staff = (id: number, role: StaffActor['role']): StaffActor => ({ kind: 'staff', id, role, teamId: null, name: 'S', email: 's@x.test' });
const agent = staff(1, 'agent');
const otherAgent = staff(2, 'agent');
const lead = staff(3, 'lead');

describe('macro rules', () => {
  it('everyone uses shared macros; personal ones only their owner', () => {
    expect(canUseMacro(otherAgent, { shared: true, ownerId: lead.id })).toBe(true);
    expect(canUseMacro(agent, { shared: false, ownerId: agent.id })).toBe(true);
    expect(canUseMacro(otherAgent, { shared: false, ownerId: agent.id })).toBe(false);
    expect(canUseMacro(lead, { shared: false, ownerId: agent.id })).toBe(false);
  });

  it('leads and admins manage shared macros; agents only their personal ones', () => {
    expect(canEditMacro(lead, { shared: true, ownerId: 99 })).toBe(true);
    expect(canEditMacro(staff(4, 'admin'), { shared: true, ownerId: 99 })).toBe(true);
    expect(canEditMacro(agent, { shared: true, ownerId: agent.id })).toBe(false);
    expect(canEditMacro(agent, { shared: false, ownerId: agent.id })).toBe(true);
    expect(canEditMacro(lead, { shared: false, ownerId: agent.id })).toBe(false);
    expect(canCreateMacro(agent, true)).toBe(false);
    expect(canCreateMacro(agent, false)).toBe(true);
    expect(canCreateMacro(lead, true)).toBe(true);
  });
});
