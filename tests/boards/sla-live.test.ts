import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffActor } from '@/lib/domain/permissions';
import { parseBoardParams, resolveBoardScope } from '@/server/queries/boards/scope';
import { slaLive } from '@/server/queries/boards/sla-live';
import { findOrCreateCustomer } from '@/server/services/customers';
import { createStaffUser } from '@/server/services/staff';
import { createTicket } from '@/server/services/tickets-create';
import { createTestDb, describeDb, type TestDbHandle } from '../helpers/db';
import { NOW, writeGoldenData } from '../metrics/golden-data';

describe(`the live SLA lists (${describeDb})`, () => {
  let handle: TestDbHandle;
  let lead: StaffActor;
  let ids: Awaited<ReturnType<typeof writeGoldenData>>;
  let fresh: number;

  beforeAll(async () => {
    handle = await createTestDb();
    ids = await writeGoldenData(handle.db);
    const { user } = await createStaffUser(handle.db, { email: 'lead-sla@touchpoint.test', name: 'Lead', role: 'lead', password: null });
    lead = { kind: 'staff', id: user.id, role: 'lead', teamId: null, name: user.name, email: user.email };
    // Normal priority: first response due in 8 h; 7 h in, under 25% of it is left.
    const pat = await findOrCreateCustomer(handle.db, { email: 'pat@example.com', name: 'Pat' });
    fresh = (await createTicket(handle.db, { subject: 'waiting', body: 'b', customerId: pat.id, createdByKind: 'customer', channel: 'chat', at: new Date(NOW.getTime() - 7 * 3_600_000) })).id;
  });
  afterAll(() => handle.close());

  const live = async (params: Record<string, string> = {}) =>
    slaLive(handle.db, await resolveBoardScope(handle.db, lead, parseBoardParams(params), { now: NOW, timeZone: 'UTC' }), lead.id, NOW);

  it('an open ticket near its deadline is at risk; an open ticket past one is breached; solved ones are in neither', async () => {
    const { at_risk, breached, links } = await live();
    expect(at_risk.map((t) => t.id)).toEqual([fresh]);
    // D was answered late and never solved: its resolution target passed on 2026-03-07.
    expect(breached.map((t) => t.id)).toEqual([ids.D.id]);
    expect(links.at_risk).toBe('/inbox?view=all_open&sla=at_risk&sort=sla_due');
  });

  it('follows the board filters', async () => {
    const chat = await live({ channel: 'chat' });
    expect(chat.at_risk.map((t) => t.id)).toEqual([fresh]);
    expect(chat.breached).toEqual([]);
    expect(chat.links.breached).toBe('/inbox?view=all_open&sla=breached&sort=sla_due&channel=chat');
  });
});
