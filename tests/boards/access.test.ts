import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inArray } from 'drizzle-orm';
import { tickets } from '@/db/schema';
import type { StaffActor } from '@/lib/domain/permissions';
import { ServiceError } from '@/lib/errors';
import { replicaReportingDb } from '@/db/client';
import { loadBoardFigures } from '@/server/queries/boards/figures';
import { parseBoardParams, resolveBoardScope } from '@/server/queries/boards/scope';
import { queryMetrics } from '@/server/queries/metrics/aggregate';
import { createStaffUser } from '@/server/services/staff';
import { createTestDb, describeDb, requiresPostgres, type TestDbHandle } from '../helpers/db';
import { FROM, NOW, TO, writeGoldenData } from '../metrics/golden-data';

const actor = (u: { id: number; name: string; email: string }, role: StaffActor['role']): StaffActor => ({ kind: 'staff', id: u.id, role, teamId: null, name: u.name, email: u.email });

describe(`board scope: agents see only their own figures (${describeDb})`, () => {
  let handle: TestDbHandle;
  let gold: StaffActor;
  let other: StaffActor;
  let lead: StaffActor;
  const params = (extra: Record<string, string> = {}) => parseBoardParams({ from: '2026-03-01', to: '2026-03-07', ...extra });
  const opts = { now: NOW, timeZone: 'UTC' };

  beforeAll(async () => {
    handle = await createTestDb();
    const { agent, A, B, C } = await writeGoldenData(handle.db);
    gold = actor(agent, 'agent');
    // Gold owns three of the solved tickets; the rollup's triggers follow the reassignment.
    await handle.db.update(tickets).set({ assigneeId: agent.id }).where(inArray(tickets.id, [A.id, B.id, C.id]));
    other = actor((await createStaffUser(handle.db, { email: 'other@touchpoint.test', name: 'Other', role: 'agent', password: null })).user, 'agent');
    lead = actor((await createStaffUser(handle.db, { email: 'lead-scope@touchpoint.test', name: 'Lead', role: 'lead', password: null })).user, 'lead');
  });
  afterAll(() => handle.close());

  it('an agent’s board is forced to their own figures, even with no agent in the URL', async () => {
    const own = await resolveBoardScope(handle.db, gold, params(), opts);
    expect(own).toMatchObject({ everyone: false, canExport: false, agent: { id: gold.id } });
    const empty = await resolveBoardScope(handle.db, other, params(), opts);
    expect((await loadBoardFigures(handle.db, empty, { dims: [], percentiles: false })).overview.totals.solved).toBe(0);
    expect((await loadBoardFigures(handle.db, own, { dims: [], percentiles: false })).overview.totals.solved).toBe(3);
  });

  it('an agent asking for another agent gets not_found; a lead may ask for anyone', async () => {
    await expect(resolveBoardScope(handle.db, other, params({ agent: String(gold.id) }), opts)).rejects.toMatchObject({ code: 'not_found' });
    await expect(resolveBoardScope(handle.db, gold, params({ agent: String(gold.id) }), opts)).resolves.toMatchObject({ agent: { id: gold.id } });
    const scope = await resolveBoardScope(handle.db, lead, params({ agent: String(gold.id) }), opts);
    expect(scope).toMatchObject({ everyone: true, canExport: true, agent: { email: 'gold@touchpoint.test' } });
  });

  it('an unknown team or agent id is a clear invalid error', async () => {
    const error = await resolveBoardScope(handle.db, lead, params({ team: '99999' }), opts).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).toMatchObject({ code: 'invalid', message: expect.stringMatching(/no team with id 99999/) });
    expect(() => parseBoardParams({ range: 'forever' })).toThrow(/range must be 7, 30 or 90/);
  });
});

describe.runIf(requiresPostgres)('read replica: DATABASE_READ_URL routes reporting reads through withReplicas (postgres)', () => {
  let handle: TestDbHandle;
  beforeAll(async () => {
    handle = await createTestDb();
    await writeGoldenData(handle.db);
  });
  afterAll(() => handle.close());

  it('the reporting db is replica-wrapped, and selects and raw aggregates read through the replica', async () => {
    // The "replica" is the same test database under a second URL, as a real replica would be a second server.
    if (!('url' in handle.queue)) throw new Error('expected a Postgres handle');
    const reporting = replicaReportingDb(handle.db, handle.queue.url);
    try {
      const wrapped = reporting.db as unknown as { $primary: unknown; $replicas: unknown[] };
      expect(wrapped.$primary).toBe(handle.db);
      expect(wrapped.$replicas).toEqual([reporting.handle.db]);
      const q = { from: FROM, to: TO };
      expect(await queryMetrics(reporting.db, q, { now: NOW })).toEqual(await queryMetrics(handle.db, q, { now: NOW }));
      // Reads go through the replica's own pool, which carries the reporting settings (32 MB of work_mem;
      // the primary's OLTP pool keeps the server's default): the setting tells which pool answered.
      const setting = async (db: typeof handle.db) => ((await db.execute('show work_mem')) as unknown as Array<Record<string, string>>)[0].work_mem;
      expect(await setting(reporting.db)).toBe('32MB');
      expect(await setting(handle.db)).not.toBe('32MB');
    } finally {
      await reporting.handle.close();
    }
  });
});
