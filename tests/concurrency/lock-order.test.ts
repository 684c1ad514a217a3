import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findOrCreateCustomer } from '@/server/services/customers';
import { mergeTickets } from '@/server/services/merge';
import { createTicket } from '@/server/services/tickets-create';
import { createTestDb, requiresPostgres, type TestDbHandle } from '../helpers/db';
import { seedPeople } from '../fixtures';

/**
 * Writes that lock two customers (a merge across customers) take them in customer id order, whichever ticket
 * is the duplicate: two merges crossing the same pair of customers in opposite directions queue, never
 * deadlock. Real Postgres only: PGlite has one connection.
 */
describe.runIf(requiresPostgres)('ticket locks are taken in one order (postgres)', () => {
  let handle: TestDbHandle;
  let people: Awaited<ReturnType<typeof seedPeople>>;
  beforeAll(async () => {
    handle = await createTestDb();
    people = await seedPeople(handle.db);
  });
  afterAll(() => handle.close());

  it('merges across two customers in opposite directions all commit', async () => {
    const carol = await findOrCreateCustomer(handle.db, { email: 'carol@example.com', name: 'Carol' });
    const open = (customerId: number) => createTicket(handle.db, { subject: 's', body: 'b', customerId, createdByKind: 'customer', channel: 'email' });
    for (let round = 0; round < 10; round++) {
      const [a1, a2, c1, c2] = [await open(people.alice.id), await open(people.alice.id), await open(carol.id), await open(carol.id)];
      const results = await Promise.allSettled([
        mergeTickets(handle.db, { duplicateId: a1.id, targetId: c1.id, userId: people.agent.id }),
        mergeTickets(handle.db, { duplicateId: c2.id, targetId: a2.id, userId: people.agent.id }),
      ]);
      expect(results.map((r) => (r.status === 'rejected' ? String(r.reason) : 'ok'))).toEqual(['ok', 'ok']);
    }
  });
});
