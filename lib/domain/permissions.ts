/** Who may do what. The UI uses `can()` to hide controls; every action and route uses it to refuse. */

export type StaffRole = 'admin' | 'lead' | 'agent';
export type Role = StaffRole | 'customer';

export type StaffActor = { kind: 'staff'; id: number; role: StaffRole; teamId: number | null; name: string; email: string };
/** `emailVerified`: until the customer opens a link mailed to the address, the account sees only what it submitted. */
export type CustomerActor = { kind: 'customer'; id: number; name: string; email: string; emailVerified?: boolean };
export type Actor = StaffActor | CustomerActor;

export const PERMISSIONS = [
  'ticket:read', // every ticket (customers read their own through the portal scope)
  'ticket:create', // open a ticket on a customer's behalf
  'ticket:reply', // public reply
  'ticket:note', // internal note
  'ticket:update', // status, priority, assignee, team, stage, touchpoint, tags
  'customer:read',
  'portal:use', // submit, follow and reply to one's own requests
  'boards:read', // every board
  'boards:read-own', // one's own figures
  'metrics:read', // the metrics API
  'export:run',
  'macros:manage',
  'views:manage-shared',
  'settings:manage',
  'users:manage',
  'tokens:manage',
  'import:run',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const AGENT: readonly Permission[] = [
  'ticket:read',
  'ticket:create',
  'ticket:reply',
  'ticket:note',
  'ticket:update',
  'customer:read',
  'boards:read-own',
];
const LEAD: readonly Permission[] = [...AGENT, 'boards:read', 'metrics:read', 'export:run', 'macros:manage', 'views:manage-shared'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  lead: LEAD,
  agent: AGENT,
  customer: ['portal:use'],
};

export function roleOf(actor: Actor): Role {
  return actor.kind === 'staff' ? actor.role : 'customer';
}

/**
 * Whether `actor` may perform `permission`. A resource narrows it: a customer may only touch
 * tickets they requested. Row scope in queries still applies; this is the gate in front of it.
 */
export function can(actor: Actor | null | undefined, permission: Permission, resource?: { customerId?: number }): boolean {
  if (!actor) return false;
  if (!ROLE_PERMISSIONS[roleOf(actor)].includes(permission)) return false;
  if (actor.kind === 'customer' && resource?.customerId !== undefined) return resource.customerId === actor.id;
  return true;
}

export const isStaff = (actor: Actor | null | undefined): actor is StaffActor => actor?.kind === 'staff';
export const isCustomer = (actor: Actor | null | undefined): actor is CustomerActor => actor?.kind === 'customer';
