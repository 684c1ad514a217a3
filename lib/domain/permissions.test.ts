import { describe, expect, it } from 'vitest';
import { can, PERMISSIONS, ROLE_PERMISSIONS, type Actor, type Permission } from './permissions';

const staff = (role: 'admin' | 'lead' | 'agent'): Actor => ({ kind: 'staff', id: 1, role, teamId: null, name: 'S', email: 's@x.test' });
const customer: Actor = { kind: 'customer', id: 7, name: 'C', email: 'c@x.test' };

describe('ROLE_PERMISSIONS', () => {
  it('admin holds every permission', () => {
    for (const p of PERMISSIONS) expect(can(staff('admin'), p)).toBe(true);
  });

  it.each<[Permission, boolean, boolean, boolean]>([
    // permission, lead, agent, customer
    ['ticket:read', true, true, false],
    ['ticket:note', true, true, false],
    ['boards:read', true, false, false],
    ['boards:read-own', true, true, false],
    ['metrics:read', true, false, false],
    ['export:run', true, false, false],
    ['settings:manage', false, false, false],
    ['users:manage', false, false, false],
    ['import:run', false, false, false],
    ['portal:use', false, false, true],
  ])('%s: lead %s, agent %s, customer %s', (permission, lead, agent, cust) => {
    expect(can(staff('lead'), permission)).toBe(lead);
    expect(can(staff('agent'), permission)).toBe(agent);
    expect(can(customer, permission)).toBe(cust);
  });

  it('nobody is allowed anything without a session', () => {
    expect(can(null, 'portal:use')).toBe(false);
    expect(can(undefined, 'ticket:read')).toBe(false);
  });

  it('a customer may only touch their own tickets', () => {
    expect(can(customer, 'portal:use', { customerId: 7 })).toBe(true);
    expect(can(customer, 'portal:use', { customerId: 8 })).toBe(false);
  });

  it('customers hold no staff permission at all', () => {
    expect(ROLE_PERMISSIONS.customer).toEqual(['portal:use']);
  });
});
