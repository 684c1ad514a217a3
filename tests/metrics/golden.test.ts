import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inArray } from 'drizzle-orm';
import { tickets } from '@/db/schema';
import { percentileCont, rate } from '@/lib/domain/aggregates';
import { metricsQuerySchema } from '@/lib/validation/metrics';
import { queryMetrics, type MetricsResult } from '@/server/queries/metrics/aggregate';
import { getTicketMetrics, ticketMetricsJson } from '@/server/queries/metrics/ticket-metrics';
import { rebuildMetrics } from '@/server/services/rebuild-metrics';
import { createTestDb, describeDb, type TestDbHandle } from '../helpers/db';
import { FROM, NOW, TO, writeGoldenData } from './golden-data';

describe(`golden metrics, 2026-03-01 → 2026-03-08 (${describeDb})`, () => {
  let handle: TestDbHandle;
  let ids: Awaited<ReturnType<typeof writeGoldenData>>;
  let result: MetricsResult;
  const query = (extra: Record<string, string> = {}) =>
    queryMetrics(handle.db, metricsQuerySchema.parse({ from: FROM.toISOString(), to: TO.toISOString(), ...extra }), { now: NOW });

  beforeAll(async () => {
    handle = await createTestDb();
    ids = await writeGoldenData(handle.db);
    result = await query();
  });
  afterAll(() => handle.close());

  it('created 6; solved 5, of which 2 without reply (C, and E: an agent opening is no reply)', () => {
    expect(result.totals).toMatchObject({ created: 6, solved: 5, solved_without_reply: 2 });
  });

  it('first response: 4 tickets [1800, 3600, 64800, 75600] → median 34200, p90 72360; business [1800, 3600, 7200, 18000] → median 5400, p90 14760', () => {
    expect(result.totals.first_response).toEqual({ count: 4, median_seconds: 34200, p90_seconds: 72360, median_business_seconds: 5400, p90_business_seconds: 14760 });
  });

  it('first resolution: [1800, 3600, 3600, 10800, 68400] → median 3600, p90 45360', () => {
    expect(result.totals.first_resolution).toEqual({ count: 5, median_seconds: 3600, p90_seconds: 45360 });
  });

  it('full resolution: [1800, 3600, 3600, 10800, 151200] → median 3600, p90 95040', () => {
    expect(result.totals.full_resolution).toEqual({ count: 5, median_seconds: 3600, p90_seconds: 95040 });
  });

  it('FCR 1/3: A re-contacted by D, B reopened, F true; C and E are null and left out', () => {
    expect(result.totals.fcr).toEqual({ numerator: 1, denominator: 3, rate: 1 / 3 });
  });

  it('reopen rate 1/5 (B)', () => {
    expect(result.totals.reopen).toEqual({ reopened: 1, solved: 5, rate: 0.2 });
  });

  it("CSAT 2/3: only B's latest rating (4) counts, with A's 3 and F's 5", () => {
    expect(result.totals.csat).toEqual({ responses: 3, satisfied: 2, score: 2 / 3 });
  });

  it('SLA 7 met, 3 breached (B first response, D first response and resolution); E has no targets', () => {
    expect(result.totals.sla).toEqual({ met: 7, breached: 3, rate: 0.7 });
  });

  it('groups by journey stage, with a None group for F', async () => {
    const grouped = await query({ group_by: 'journey_stage' });
    const byKey = Object.fromEntries(grouped.groups.map((g) => [String(g.key), g]));
    expect(byKey.purchase).toMatchObject({ label: 'Purchase', created: 3, fcr: { numerator: 0, denominator: 1, rate: 0 } });
    expect(byKey.usage).toMatchObject({ created: 1, reopen: { reopened: 1, solved: 1, rate: 1 } });
    expect(byKey.onboarding).toMatchObject({ created: 1, fcr: { numerator: 0, denominator: 0, rate: null } });
    expect(byKey.null).toMatchObject({ key: null, label: 'None', created: 1, fcr: { numerator: 1, denominator: 1, rate: 1 } });
    expect(grouped.totals).toEqual(result.totals);
  });

  it('a daily series in UTC: created 0,2,1,1,1,1,0; empty days have null rates', async () => {
    const series = (await query({ interval: 'day' })).series!;
    expect(series.map((s) => s.start.slice(0, 10))).toEqual(['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07']);
    expect(series.map((s) => s.created)).toEqual([0, 2, 1, 1, 1, 1, 0]);
    expect(series[0].fcr.rate).toBeNull();
    expect(series[0].first_response.median_seconds).toBeNull();
  });

  it('filters use current values: channel email is only B', async () => {
    const filtered = await query({ channel: 'email' });
    expect(filtered.totals).toMatchObject({ created: 1, solved: 1, first_response: { count: 1, median_seconds: 64800 } });
  });

  it('per-ticket metrics for B: FRT 64800 (7200 business), first 68400, full 151200, 1 reopen, SLA breached/met', async () => {
    expect(await getTicketMetrics(handle.db, ids.B.id, NOW)).toEqual({
      ticket_id: ids.B.id,
      status: 'solved',
      first_response_seconds: 64800,
      first_response_business_seconds: 7200,
      first_resolution_seconds: 68400,
      full_resolution_seconds: 151200,
      reopens: 1,
      agent_replies: 2,
      customer_messages: 2,
      fcr: false,
      one_touch: false,
      sla: { first_response: 'breached', resolution: 'met' },
    });
  });

  it('per-ticket metrics for E: agent-created without a customer message has no FRT and no SLA', async () => {
    expect(await getTicketMetrics(handle.db, ids.E.id, NOW)).toMatchObject({
      first_response_seconds: null,
      fcr: null,
      one_touch: true,
      sla: { first_response: null, resolution: null },
    });
  });

  it('the pure functions over the per-ticket figures give the SQL aggregate', async () => {
    const rows = await handle.db.select().from(tickets).where(inArray(tickets.id, [ids.A.id, ids.B.id, ids.C.id, ids.D.id, ids.E.id, ids.F.id]));
    const perTicket = rows.map((r) => ticketMetricsJson(r, NOW));
    const frt = perTicket.map((t) => t.first_response_seconds);
    expect(percentileCont(frt, 0.5)).toBe(result.totals.first_response.median_seconds);
    expect(percentileCont(frt, 0.9)).toBe(result.totals.first_response.p90_seconds);
    expect(percentileCont(perTicket.map((t) => t.first_response_business_seconds), 0.5)).toBe(result.totals.first_response.median_business_seconds);
    expect(percentileCont(perTicket.map((t) => t.first_response_business_seconds), 0.9)).toBe(result.totals.first_response.p90_business_seconds);
    expect(percentileCont(perTicket.map((t) => t.first_resolution_seconds), 0.9)).toBe(result.totals.first_resolution.p90_seconds);
    const fcr = perTicket.map((t) => t.fcr).filter((v) => v !== null);
    expect(rate(fcr.filter(Boolean).length, fcr.length)).toBe(result.totals.fcr.rate);
  });

  it('a rebuild from ticket_events alone finds 0 differences', async () => {
    expect((await rebuildMetrics(handle.db, { dryRun: true })).differed).toBe(0);
  });
});
