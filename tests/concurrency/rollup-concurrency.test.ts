import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import postgres from 'postgres';
import { rollupDrift } from '@/server/queries/metrics/aggregate';
import { createTicket } from '@/server/services/tickets-create';
import { createTestDb, requiresPostgres, type TestDbHandle } from '../helpers/db';
import { at, seedPeople } from '../fixtures';

/**
 * The probe's deadlock, made deterministic: two transactions on two different tickets, each changing two
 * fields in opposite order. Updating the rollup's shared day rows in place, each transaction locked one
 * field's rows and then waited for the other's: Postgres killed one with "deadlock detected". Appending
 * deltas locks nothing another writer needs. Real Postgres only: PGlite has one connection.
 */
describe.runIf(requiresPostgres)('rollup writes never deadlock or wait (postgres)', () => {
  let handle: TestDbHandle;
  let sql: postgres.Sql;
  const ids: number[] = [];

  beforeAll(async () => {
    handle = await createTestDb();
    const people = await seedPeople(handle.db);
    // Different groups, so each transaction's first change touches rollup rows the other's first change does not.
    for (const [customer, journeyStage, touchpoint] of [[people.alice, 'purchase', 'website'], [people.bob, 'onboarding', 'store']] as const) {
      const t = await createTicket(handle.db, { subject: 'same day', body: 'b', customerId: customer.id, createdByKind: 'customer', channel: 'chat', journeyStage, touchpoint, at: at(0) });
      ids.push(t.id);
    }
    sql = postgres(handle.url!, { max: 2, onnotice: () => {} });
  });
  afterAll(async () => {
    await sql?.end();
    await handle.close();
  });

  it('two-field edits on two tickets in opposite orders both commit, and the rollup stays exact', async () => {
    let releaseFirstSteps!: () => void;
    const firstStepsDone = new Promise<void>((resolve) => (releaseFirstSteps = resolve));
    let firstSteps = 0;
    // Each waits (up to 5 s, so a writer blocked in its first step fails the test instead of hanging it) until
    // both hold their first change; then each second change needs a group the other's first one took.
    const stepDone = () => {
      if (++firstSteps === 2) releaseFirstSteps();
      return Promise.race([firstStepsDone, new Promise((resolve) => setTimeout(resolve, 5000))]);
    };
    const edit = (id: number, order: ['journey_stage' | 'touchpoint', string][]) =>
      sql.begin(async (tx) => {
        const [[column1, value1], [column2, value2]] = order;
        await tx`update tickets set ${tx(column1)} = ${value1} where id = ${id}`;
        await stepDone();
        await tx`update tickets set ${tx(column2)} = ${value2} where id = ${id}`;
      });
    const results = await Promise.allSettled([
      edit(ids[0], [['journey_stage', 'usage'], ['touchpoint', 'billing']]),
      edit(ids[1], [['touchpoint', 'billing'], ['journey_stage', 'usage']]),
    ]);
    expect(results.map((r) => (r.status === 'rejected' ? String(r.reason) : 'ok'))).toEqual(['ok', 'ok']);
    expect(await rollupDrift(handle.db)).toBe(0);
  });

  it('a rollup rebuild holds no writer back, and writes committed during it are counted once', async () => {
    let rebuilt!: () => void;
    const rebuildDone = new Promise<void>((resolve) => (rebuilt = resolve));
    let rebuildRan!: () => void;
    const rebuildStarted = new Promise<void>((resolve) => (rebuildRan = resolve));
    // The rebuild's transaction stays open while a writer changes a ticket, then commits.
    const rebuild = sql.begin(async (tx) => {
      await tx`select metric_rollup_rebuild(metric_rollup_time_zone())`;
      rebuildRan();
      await rebuildDone;
    });
    await rebuildStarted;
    const started = Date.now();
    await sql`update tickets set journey_stage = 'renewal', touchpoint = 'delivery' where id = ${ids[0]}`;
    expect(Date.now() - started).toBeLessThan(2000);
    rebuilt();
    await rebuild;
    expect(await rollupDrift(handle.db)).toBe(0);
  });
});
