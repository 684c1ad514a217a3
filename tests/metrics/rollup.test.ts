import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { rowsOf } from '@/db/client';
import { tickets } from '@/db/schema';
import { GROUP_BY, metricsQuerySchema } from '@/lib/validation/metrics';
import { queryMetrics, queryMetricsViews, rollupDrift } from '@/server/queries/metrics/aggregate';
import { rateTicket } from '@/server/services/csat';
import { findOrCreateCustomer } from '@/server/services/customers';
import { createStaffUser } from '@/server/services/staff';
import { assignTicket, changePriority, changeStatus } from '@/server/services/ticket-fields';
import { addMessage } from '@/server/services/ticket-messages';
import { createTicket } from '@/server/services/tickets-create';
import { foldMetricRollup } from '@/server/services/rollup-fold';
import { updateSettings } from '@/server/services/settings';
import { createTestDb, describeDb, type TestDbHandle } from '../helpers/db';
import { at, FROM, NOW, TO, writeGoldenData } from './golden-data';

/** Every query shape the boards and the API use: totals, each grouping, series, filters, and ranges that
 * cut days in two (so the partial days come from raw rows next to the rollup's whole days). */
const QUERIES: Array<Record<string, string>> = [
  {},
  ...GROUP_BY.map((group_by) => ({ group_by })),
  { interval: 'day' },
  { interval: 'week', group_by: 'journey_stage' },
  { channel: 'email' },
  { team: 'support' },
  { agent: 'gold@touchpoint.test', group_by: 'agent' },
  { priority: 'normal', group_by: 'team' },
  { from: '2026-03-02T05:00:00Z', to: '2026-03-06T13:30:00Z', interval: 'day' },
  { from: '2026-03-02T05:00:00Z', to: '2026-03-06T13:30:00Z', group_by: 'touchpoint' },
];

describe(`metric rollup stays exact after the fact (${describeDb})`, () => {
  let handle: TestDbHandle;
  let ids: Awaited<ReturnType<typeof writeGoldenData>>;

  const both = async (extra: Record<string, string>, timeZone = 'UTC', percentiles = true) => {
    const q = metricsQuerySchema.parse({ from: FROM.toISOString(), to: TO.toISOString(), ...extra });
    return Promise.all([
      queryMetrics(handle.db, q, { now: NOW, timeZone, percentiles }),
      queryMetrics(handle.db, q, { now: NOW, timeZone, percentiles, rollup: false }),
    ]);
  };
  const expectRollupEqualsRaw = async (timeZone = 'UTC') => {
    expect(await rollupDrift(handle.db)).toBe(0);
    for (const extra of QUERIES) {
      for (const percentiles of [true, false]) {
        const [fromRollup, fromRaw] = await both(extra, timeZone, percentiles);
        expect(fromRollup, JSON.stringify({ ...extra, percentiles })).toEqual(fromRaw);
      }
    }
    // A board's shape: a series and every grouping of one scope in one call, the percentiles from one sorted
    // read per figure, equal view by view to Postgres's own percentile_cont.
    for (const scope of [{}, { team: 'support' }]) {
      const base = metricsQuerySchema.parse({ from: FROM.toISOString(), to: TO.toISOString(), ...scope });
      const views = [{ interval: 'day' as const }, ...GROUP_BY.map((group_by) => ({ group_by }))];
      const together = await queryMetricsViews(handle.db, base, views, { now: NOW, timeZone });
      const apart = await Promise.all(views.map((view) => queryMetrics(handle.db, { ...base, ...view }, { now: NOW, timeZone, rollup: false })));
      expect(together, JSON.stringify(scope)).toEqual(apart);
    }
  };

  beforeAll(async () => {
    handle = await createTestDb();
    ids = await writeGoldenData(handle.db);
  });
  afterAll(() => handle.close());

  const deltaRows = async () => rowsOf<{ n: number }>(await handle.db.execute(sql`select count(*)::int as n from metric_rollup_delta`))[0].n;

  it('writes append deltas; folding moves them into the base and changes no figure', async () => {
    expect(await deltaRows()).toBeGreaterThan(0);
    await expectRollupEqualsRaw();
    expect(await foldMetricRollup(handle.db)).toBeGreaterThan(0);
    expect(await deltaRows()).toBe(0);
    await expectRollupEqualsRaw();
    expect(await foldMetricRollup(handle.db)).toBe(0);
  });

  it('answers whole days from the rollup: a tampered rollup row shows, the raw computation does not', async () => {
    await foldMetricRollup(handle.db);
    await expectRollupEqualsRaw();
    const tamper = (by: number) => handle.db.execute(sql`update metric_rollup set n = n + ${by} where figure = 1 and dim = 0 and day = '2026-03-02'`);
    await tamper(100);
    const [fromRollup, fromRaw] = await both({});
    expect(fromRollup.totals.created).toBe(fromRaw.totals.created + 100);
    expect(fromRaw.totals.created).toBe(6);
    expect(await rollupDrift(handle.db)).toBeGreaterThan(0);
    await tamper(-100);
    expect(await rollupDrift(handle.db)).toBe(0);
  });

  it('reassignment, team, stage, touchpoint and priority changes move the figures to the new groups', async () => {
    const { user: other } = await createStaffUser(handle.db, { email: 'other@touchpoint.test', name: 'Other', role: 'agent', team: 'Billing', password: null });
    const actor = { kind: 'agent' as const, userId: ids.agent.id };
    await assignTicket(handle.db, { ticketId: ids.A.id, assigneeId: other.id, teamId: other.teamId, actor, at: at(7, '09:00') });
    await changePriority(handle.db, { ticketId: ids.C.id, priority: 'urgent', actor, at: at(7, '09:05') });
    // Any write path keeps the rollup right, not only the services: the trigger is on the table.
    await handle.db.update(tickets).set({ journeyStage: 'renewal', touchpoint: 'billing' }).where(eq(tickets.id, ids.B.id));
    await expectRollupEqualsRaw();
  });

  it('a re-contact, a reopen, a re-rating and a merge correct the buckets they touch', async () => {
    const erin = await findOrCreateCustomer(handle.db, { email: 'erin@example.com', name: 'erin' });
    await createTicket(handle.db, { subject: 'again', body: 'b', customerId: erin.id, createdByKind: 'customer', channel: 'chat', at: at(7, '10:00') });
    expect((await handle.db.select({ fcr: tickets.fcr }).from(tickets).where(eq(tickets.id, ids.F.id)))[0].fcr).toBe(false);

    const alice = await findOrCreateCustomer(handle.db, { email: 'alice@example.com', name: 'alice' });
    await addMessage(handle.db, { ticketId: ids.A.id, body: 'not fixed', authorKind: 'customer', authorCustomerId: alice.id, visibility: 'public', at: at(7, '11:00') });
    await changeStatus(handle.db, { ticketId: ids.A.id, status: 'solved', actor: { kind: 'agent', userId: ids.agent.id }, at: at(7, '12:00') });
    await rateTicket(handle.db, { ticketId: ids.A.id, customerId: alice.id, score: 5, at: at(7, '13:00') });
    await handle.db.update(tickets).set({ mergedIntoId: ids.A.id }).where(eq(tickets.id, ids.D.id));
    await expectRollupEqualsRaw();
    await foldMetricRollup(handle.db);
    await expectRollupEqualsRaw();
  });

  it('a new workspace time zone rebuilds the days (New York, across the 2026-03-08 DST change)', async () => {
    await createTicket(handle.db, { subject: 'pending delta', body: 'b', customerId: ids.A.customerId, createdByKind: 'customer', channel: 'chat', at: at(7, '14:00') });
    expect(await deltaRows()).toBeGreaterThan(0);
    await updateSettings(handle.db, { timeZone: 'America/New_York' });
    expect(await deltaRows()).toBe(0); // the rebuild recomputed the base from the tickets, deltas included
    const rows = await handle.db.execute(sql`select time_zone from metric_rollup_meta`);
    expect(JSON.stringify(rows)).toContain('America/New_York');
    await expectRollupEqualsRaw('America/New_York');
    const [series] = await both({ from: '2026-03-01T05:00:00Z', to: '2026-03-10T04:00:00Z', interval: 'day' }, 'America/New_York');
    expect(series.series!.map((s) => s.start)).toContain('2026-03-09T04:00:00.000Z'); // the first day after DST starts
  });
});
