import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '@/db/client';
import { inboxQuerySchema } from '@/lib/validation/inbox';
import { listTickets } from '@/server/queries/inbox/list';
import { findOrCreateCustomer } from '@/server/services/customers';
import { addMessage } from '@/server/services/ticket-messages';
import { createTicket } from '@/server/services/tickets-create';
import { createTestDb, describeDb, type TestDbHandle } from '../helpers/db';
import { NOW, writeGoldenData } from '../metrics/golden-data';

const HOUR = 3_600_000;

/** METRICS.md's SLA states spelled out on the deadline and event columns: what the stored breach instant replaces. */
const DEFINITION = {
  breached: (now: string) => sql`(sla_first_response_due_at < coalesce(least(first_response_at, first_solved_at), ${now}::timestamptz)
    or sla_resolution_due_at < coalesce(first_solved_at, ${now}::timestamptz))`,
  met: (now: string) => sql`sla_first_response_due_at is not null and sla_next_due_at is null
    and not coalesce(sla_first_response_due_at < coalesce(least(first_response_at, first_solved_at), ${now}::timestamptz)
      or sla_resolution_due_at < coalesce(first_solved_at, ${now}::timestamptz), false)`,
};

describe(`the inbox SLA filters (${describeDb})`, () => {
  let handle: TestDbHandle;

  beforeAll(async () => {
    handle = await createTestDb();
    const ids = await writeGoldenData(handle.db);
    // Open tickets around their first-response deadline (normal priority: 8 h): answered in time, answered
    // late, and never answered, the last one breaching only at its deadline.
    const pat = await findOrCreateCustomer(handle.db, { email: 'pat@example.com', name: 'Pat' });
    const open = (hoursAgo: number) =>
      createTicket(handle.db, { subject: `open ${hoursAgo}`, body: 'b', customerId: pat.id, createdByKind: 'customer', channel: 'chat', at: new Date(NOW.getTime() - hoursAgo * HOUR) });
    const inTime = await open(30);
    await addMessage(handle.db, { ticketId: inTime.id, body: 'on it', authorKind: 'agent', authorUserId: ids.agent.id, visibility: 'public', at: new Date(NOW.getTime() - 29 * HOUR) });
    const late = await open(20);
    await addMessage(handle.db, { ticketId: late.id, body: 'sorry', authorKind: 'agent', authorUserId: ids.agent.id, visibility: 'public', at: new Date(NOW.getTime() - 2 * HOUR) });
    await open(9);
    await open(7);
  });
  afterAll(() => handle.close());

  it.each([0, 2, 24 * 30])('breached and met list the tickets the definition gives, %i hours after the data', async (hoursLater) => {
    const now = new Date(NOW.getTime() + hoursLater * HOUR);
    for (const state of ['breached', 'met'] as const) {
      const expected = rowsOf<{ id: number }>(await handle.db.execute(sql`select id from tickets where ${DEFINITION[state](now.toISOString())} order by id`)).map((r) => r.id);
      const listed = await listTickets(handle.db, inboxQuerySchema.parse({ view: 'all', sla: state, sort: 'created', limit: '100' }), { staffId: 1, now });
      expect(listed.rows.map((r) => r.id).sort((a, b) => a - b), `${state} at +${hoursLater} h`).toEqual(expected);
      expect(expected.length, `${state} has tickets to compare at +${hoursLater} h`).toBeGreaterThan(0);
    }
  });
});
