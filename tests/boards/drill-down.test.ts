import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { tickets } from '@/db/schema';
import { drillHref, type DrillFigure } from '@/lib/boards/drill';
import type { StaffActor } from '@/lib/domain/permissions';
import { inboxQuerySchema } from '@/lib/validation/inbox';
import { boardDims, loadBoardFigures, scopeFilter } from '@/server/queries/boards/figures';
import { parseBoardParams, resolveBoardScope, type BoardScope } from '@/server/queries/boards/scope';
import { listTickets } from '@/server/queries/inbox/list';
import type { Metrics } from '@/server/queries/metrics/assemble';
import { findOrCreateCustomer } from '@/server/services/customers';
import { createStaffUser } from '@/server/services/staff';
import { addMessage } from '@/server/services/ticket-messages';
import { createTicket } from '@/server/services/tickets-create';
import { createTestDb, describeDb, type TestDbHandle } from '../helpers/db';
import { at, NOW, writeGoldenData } from '../metrics/golden-data';

/** Each drillable figure and the number the board shows for it. */
const FIGURES: Array<[DrillFigure, (m: Metrics) => number]> = [
  ['created', (m) => m.created],
  ['solved', (m) => m.solved],
  ['fcr', (m) => m.fcr.numerator],
  ['fcr_counted', (m) => m.fcr.denominator],
  ['not_fcr', (m) => m.fcr.denominator - m.fcr.numerator],
  ['without_reply', (m) => m.solved_without_reply],
  ['reopened', (m) => m.reopen.reopened],
  ['first_response', (m) => m.first_response.count],
  ['rated', (m) => m.csat.responses],
];

describe(`board drill-downs land on exactly the tickets behind each number (${describeDb})`, () => {
  let handle: TestDbHandle;
  let lead: StaffActor;
  let scope: BoardScope;
  let ids: Awaited<ReturnType<typeof writeGoldenData>>;

  /** The tickets a drill-down link lists, through the inbox's own URL schema and query. */
  const listed = async (href: string) => {
    const params = Object.fromEntries(new URL(href, 'http://x').searchParams);
    const page = await listTickets(handle.db, inboxQuerySchema.parse({ ...params, limit: '100' }), { staffId: lead.id, now: NOW });
    return page.rows.map((r) => r.id).sort((a, b) => a - b);
  };

  beforeAll(async () => {
    handle = await createTestDb();
    ids = await writeGoldenData(handle.db);
    const { user } = await createStaffUser(handle.db, { email: 'lead-drill@touchpoint.test', name: 'Lead', role: 'lead', password: null });
    lead = { kind: 'staff', id: user.id, role: 'lead', teamId: null, name: user.name, email: user.email };
    // A solved ticket merged into A: it counts nowhere, so no drill-down may list it.
    const zed = await findOrCreateCustomer(handle.db, { email: 'zed@example.com', name: 'Zed' });
    const G = await createTicket(handle.db, { subject: 'dup', body: 'b', customerId: zed.id, createdByKind: 'customer', channel: 'portal', journeyStage: 'purchase', at: at(3, '09:00') });
    await addMessage(handle.db, { ticketId: G.id, body: 'r', authorKind: 'agent', authorUserId: ids.agent.id, visibility: 'public', setStatus: 'solved', at: at(3, '09:10') });
    await handle.db.update(tickets).set({ mergedIntoId: ids.A.id }).where(eq(tickets.id, G.id));
    scope = await resolveBoardScope(handle.db, lead, parseBoardParams({ from: '2026-03-01', to: '2026-03-07' }), { now: NOW, timeZone: 'UTC' });
  });
  afterAll(() => handle.close());

  it('the board shows the hand-computed golden figures', async () => {
    const { overview } = await loadBoardFigures(handle.db, scope, { dims: [], percentiles: false });
    expect(overview.totals).toMatchObject({ created: 6, solved: 5, solved_without_reply: 2, fcr: { numerator: 1, denominator: 3 }, reopen: { reopened: 1 } });
    expect(overview.totals.csat).toMatchObject({ responses: 3, satisfied: 2 });
  });

  it('totals: every figure’s link lists exactly that many tickets, and the right ones', async () => {
    const { overview } = await loadBoardFigures(handle.db, scope, { dims: [], percentiles: false });
    for (const [figure, value] of FIGURES) {
      const rows = await listed(drillHref(figure, scope.range, scopeFilter(scope)));
      expect(rows.length, figure).toBe(value(overview.totals));
    }
    expect(await listed(drillHref('fcr', scope.range, {}))).toEqual([ids.F.id]);
    expect(await listed(drillHref('not_fcr', scope.range, {}))).toEqual([ids.A.id, ids.B.id]);
    expect(await listed(drillHref('without_reply', scope.range, {}))).toEqual([ids.C.id, ids.E.id].sort((a, b) => a - b));
  });

  it('every breakdown row and every period: the link count equals the figure', async () => {
    const { overview, breakdowns } = await loadBoardFigures(handle.db, scope, { dims: boardDims(scope), percentiles: false });
    let checked = 0;
    for (const b of breakdowns) {
      for (const row of b.rows) {
        if (!row.filter) continue;
        for (const [figure, value] of FIGURES) {
          expect((await listed(drillHref(figure, scope.range, row.filter))).length, `${b.dim}=${row.key} ${figure}`).toBe(value(row.figures));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(9 * 8);
    const days = overview.series ?? [];
    for (let i = 0; i < days.length; i++) {
      const from = new Date(days[i].start);
      const to = new Date(i + 1 < days.length ? days[i + 1].start : scope.range.to);
      expect((await listed(drillHref('solved', { from, to }, {}))).length, days[i].start).toBe(days[i].solved);
    }
  });

  it('the stage breakdown drills into purchase: first solved in the range, FCR false', async () => {
    const { breakdowns } = await loadBoardFigures(handle.db, scope, { dims: ['journey_stage'], percentiles: false });
    const purchase = breakdowns[0].rows.find((r) => r.key === 'purchase')!;
    expect(purchase.figures.fcr).toMatchObject({ numerator: 0, denominator: 1 });
    const href = drillHref('not_fcr', scope.range, purchase.filter!);
    expect(href).toContain('journey_stage=purchase');
    expect(href).toContain('fcr=false');
    expect(await listed(href)).toEqual([ids.A.id]);
  });
});
