import type { Db } from '@/db/client';
import { findOrCreateCustomer } from '@/server/services/customers';
import { createStaffUser } from '@/server/services/staff';

export const T0 = new Date('2026-03-02T09:00:00Z');
/** T0 plus some minutes: tests pin every time. */
export const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
export const DAY_MIN = 24 * 60;

export async function seedPeople(db: Db) {
  const alice = await findOrCreateCustomer(db, { email: 'alice@example.com', name: 'Alice Able' });
  const bob = await findOrCreateCustomer(db, { email: 'bob@example.com', name: 'Bob Baker' });
  const { user: agent } = await createStaffUser(db, { email: 'agent@touchpoint.test', name: 'Agnes Agent', role: 'agent', team: 'Support', password: 'password123' });
  return { alice, bob, agent };
}
