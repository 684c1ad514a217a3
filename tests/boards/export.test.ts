import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvCell } from '@/lib/csv';
import type { StaffActor } from '@/lib/domain/permissions';
import { metricsQuerySchema } from '@/lib/validation/metrics';
import { boardTableCsv } from '@/server/queries/boards/board-csv';
import { METRICS_COLUMNS, metricsCells, TICKET_COLUMNS, ticketMetricsCsv } from '@/server/queries/boards/export';
import { parseBoardParams, resolveBoardScope, type BoardScope } from '@/server/queries/boards/scope';
import { queryMetrics } from '@/server/queries/metrics/aggregate';
import { getTicketMetrics } from '@/server/queries/metrics/ticket-metrics';
import { createStaffUser } from '@/server/services/staff';
import { createTestDb, describeDb, type TestDbHandle } from '../helpers/db';
import { FROM, NOW, TO, writeGoldenData } from '../metrics/golden-data';

/** A CSV without quoted cells (these tables have none) as rows of cells. */
const rowsOf = (lines: string[]) => lines.join('').trimEnd().split('\r\n').map((l) => l.split(','));
const collect = async (lines: AsyncIterable<string>) => {
  const out: string[] = [];
  for await (const chunk of lines) out.push(chunk);
  return out;
};

describe(`CSV exports equal the API's figures (${describeDb})`, () => {
  let handle: TestDbHandle;
  let scope: BoardScope;
  let ids: Awaited<ReturnType<typeof writeGoldenData>>;
  /** What GET /api/v1/metrics answers for the board's range: the route parses its URL with this schema. */
  const api = (extra: Record<string, string>) =>
    queryMetrics(handle.db, metricsQuerySchema.parse({ from: FROM.toISOString(), to: TO.toISOString(), ...extra }), { now: NOW, timeZone: 'UTC' });

  beforeAll(async () => {
    handle = await createTestDb();
    ids = await writeGoldenData(handle.db);
    const { user } = await createStaffUser(handle.db, { email: 'lead-csv@touchpoint.test', name: 'Lead', role: 'lead', password: null });
    const lead: StaffActor = { kind: 'staff', id: user.id, role: 'lead', teamId: null, name: user.name, email: user.email };
    // 2026-03-01 … 2026-03-07 in UTC is exactly [FROM, TO).
    scope = await resolveBoardScope(handle.db, lead, parseBoardParams({ from: '2026-03-01', to: '2026-03-07', interval: 'day' }), { now: NOW, timeZone: 'UTC' });
  });
  afterAll(() => handle.close());

  it('the series table: one row per day, every cell the API’s figure', async () => {
    const [header, ...rows] = rowsOf(await boardTableCsv(handle.db, scope, { board: 'fcr', table: 'series' }));
    expect(header).toEqual(['period_start', ...METRICS_COLUMNS]);
    const { series } = await api({ interval: 'day' });
    expect(rows).toHaveLength(7);
    rows.forEach((row, i) => {
      const { start, ...m } = series![i];
      expect(row).toEqual([start, ...metricsCells(m).map(csvCell)]);
    });
    expect(rows.reduce((sum, r) => sum + Number(r[header.indexOf('created')]), 0)).toBe(6);
  });

  it('each breakdown table: one row per group, every cell the API’s figure', async () => {
    for (const table of ['team', 'agent', 'journey_stage', 'touchpoint', 'channel', 'priority', 'journey'] as const) {
      const [header, ...rows] = rowsOf(await boardTableCsv(handle.db, scope, { board: 'response', table }));
      expect(header.slice(0, 2)).toEqual([`${table}_key`, `${table}_label`]);
      const { groups } = await api({ group_by: table });
      expect(rows.map((r) => r.slice(2))).toEqual(groups.map(({ key, label, ...m }) => (void key, void label, metricsCells(m).map(csvCell))));
      expect(rows.map((r) => r[0])).toEqual(groups.map((g) => csvCell(g.key)));
    }
  });

  it('the histogram adds up to the FRT count, the distribution to the CSAT responses', async () => {
    const { totals } = await api({});
    const histogram = rowsOf(await boardTableCsv(handle.db, scope, { board: 'response', table: 'histogram' })).slice(1);
    expect(histogram.reduce((s, r) => s + Number(r[1]), 0)).toBe(totals.first_response.count);
    const distribution = rowsOf(await boardTableCsv(handle.db, scope, { board: 'csat', table: 'distribution' })).slice(1);
    expect(distribution).toEqual([['1', '0'], ['2', '0'], ['3', '1'], ['4', '1'], ['5', '1']]);
    expect(distribution.reduce((s, r) => s + Number(r[1]), 0)).toBe(totals.csat.responses);
  });

  it('per-ticket metrics: every ticket created in the range once, in keyset chunks, with the per-ticket API’s figures', async () => {
    const [header, ...rows] = rowsOf(await collect(ticketMetricsCsv(handle.db, scope, { now: NOW, chunk: 2 })));
    expect(header).toEqual([...TICKET_COLUMNS]);
    expect(rows.map((r) => Number(r[0]))).toEqual([ids.A.id, ids.B.id, ids.C.id, ids.D.id, ids.E.id, ids.F.id]);
    const col = (name: (typeof TICKET_COLUMNS)[number]) => header.indexOf(name);
    for (const row of rows) {
      const m = (await getTicketMetrics(handle.db, Number(row[0]), NOW))!;
      expect(row[col('first_response_seconds')]).toBe(csvCell(m.first_response_seconds));
      expect(row[col('first_resolution_seconds')]).toBe(csvCell(m.first_resolution_seconds));
      expect(row[col('full_resolution_seconds')]).toBe(csvCell(m.full_resolution_seconds));
      expect(row[col('fcr')]).toBe(csvCell(m.fcr));
      expect(row[col('reopens')]).toBe(String(m.reopens));
      expect(row[col('sla_resolution')]).toBe(csvCell(m.sla.resolution));
    }
    expect(rows.find((r) => Number(r[0]) === ids.B.id)![col('csat_score')]).toBe('4');
  });
});
