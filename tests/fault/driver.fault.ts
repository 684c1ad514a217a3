/**
 * The database driver under connection loss, on a throwaway cluster: the app's own pool (postgresHandle)
 * survives a terminated backend, a restart of every kind and a dead network link without crashing the
 * process, hanging a query or wedging a connection.
 *
 * postgres.js 3.4.9 failed the first two (porsager/postgres#1208): a write on a connection whose socket
 * had closed threw from a setImmediate (an uncaughtException, so no try/catch could stop it), and the
 * write left behind wedged that connection, so every later query on it waited for CONNECT_TIMEOUT.
 */
import { sql } from 'drizzle-orm';
import type { Sql } from 'postgres';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { postgresHandle, rowsOf, type DbHandle } from '@/db/client';
import { isDatabaseUnavailable } from '@/db/unavailable';
import { createThrowawayPostgres, type ThrowawayPostgres } from '../helpers/throwaway-postgres';
import { freezableProxy, silentServer } from './helpers/tcp';
import { runWriteLoad, timeUntil } from './helpers/load';

const uncaught: unknown[] = [];
const onUncaught = (error: unknown) => uncaught.push(error);

let pg: ThrowawayPostgres;
let handle: DbHandle;
const clientOf = (h: DbHandle) => (h.db as unknown as { $client: Sql }).$client;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function settled<T>(promise: Promise<T>) {
  const started = performance.now();
  try {
    return { ok: true as const, value: await promise, ms: performance.now() - started };
  } catch (error) {
    return { ok: false as const, error, ms: performance.now() - started };
  }
}

beforeAll(async () => {
  process.on('uncaughtException', onUncaught);
  pg = await createThrowawayPostgres();
  await pg.start();
  await pg.psql('create table fault_writes (id integer primary key, payload text not null)');
  handle = postgresHandle(pg.url);
});

afterAll(async () => {
  // Bounded: a driver that hangs in end() (3.4.9 could) must not keep the cluster alive.
  await Promise.race([handle?.close().catch(() => {}), sleep(5000)]);
  await pg?.remove();
  process.off('uncaughtException', onUncaught);
});

afterEach(() => {
  expect(uncaught.splice(0), 'no uncaughtException from the driver').toEqual([]);
});

describe('the driver after a lost connection', () => {
  it('a transaction whose backend is terminated rejects, and the pool answers the next queries at once', async () => {
    const killer = postgresHandle(pg.url, { max: 1 });
    try {
      const result = await settled(
        handle.db.transaction(async (tx) => {
          const [{ pid }] = rowsOf<{ pid: number }>(await tx.execute(sql`select pg_backend_pid() as pid`));
          await killer.db.execute(sql`select pg_terminate_backend(${pid}::int)`);
          await sleep(50);
          return tx.execute(sql`select 1`);
        }),
      );
      expect(result.ok).toBe(false);
      expect(isDatabaseUnavailable((result as { error: unknown }).error)).toBe(true);
      await sleep(100); // where 3.4.9 threw its uncaughtException

      for (let round = 0; round < 6; round++) {
        const each = await Promise.all(Array.from({ length: 4 }, () => settled(handle.db.execute(sql`select 1`))));
        expect(each.every((r) => r.ok), `round ${round}: ${each.map((r) => (r.ok ? 'ok' : (r.error as Error).message))}`).toBe(true);
        expect(Math.max(...each.map((r) => r.ms))).toBeLessThan(1000);
      }
    } finally {
      await killer.close();
    }
  });

  it('a reserved connection whose backend is terminated rejects its later queries, without crashing or hanging', async () => {
    const client = clientOf(handle);
    const killer = postgresHandle(pg.url, { max: 1 });
    const reserved = await client.reserve();
    try {
      const [{ pid }] = await reserved<{ pid: number }[]>`select pg_backend_pid() as pid`;
      await killer.db.execute(sql`select pg_terminate_backend(${pid}::int)`);
      for (let i = 0; i < 2; i++) {
        const result = await settled(Promise.race([reserved`select 1`, sleep(5000).then(() => 'hung')]));
        expect(result.ok, `query ${i} on the dead reserved connection`).toBe(false);
        expect(result.ms).toBeLessThan(1000);
      }
      await sleep(100);
    } finally {
      reserved.release();
      await killer.close();
    }
  });

  it('a refused server fails at once and an unreachable one within connect_timeout (2 s), as "unavailable"', async () => {
    const silent = await silentServer();
    const refusedPort = (await silentServer().then(async (s) => (await s.close(), s.port)));
    const unreachable = postgresHandle(`postgres://postgres@127.0.0.1:${silent.port}/postgres`);
    const refused = postgresHandle(`postgres://postgres@127.0.0.1:${refusedPort}/postgres`);
    try {
      const a = await settled(refused.db.execute(sql`select 1`));
      expect(a.ok).toBe(false);
      expect(isDatabaseUnavailable((a as { error: unknown }).error)).toBe(true);
      expect(a.ms).toBeLessThan(500);

      const b = await settled(unreachable.db.execute(sql`select 1`));
      expect(b.ok).toBe(false);
      expect(isDatabaseUnavailable((b as { error: unknown }).error)).toBe(true);
      expect(b.ms).toBeGreaterThan(1500);
      expect(b.ms).toBeLessThan(3000);
    } finally {
      await Promise.all([unreachable.close().catch(() => {}), refused.close().catch(() => {}), silent.close()]);
    }
  });

  it('a half-open connection (the link is up, nothing gets through) ends at query_timeout, not never', async () => {
    const proxy = await freezableProxy(pg.port);
    // The app's deadline is 60 s (OLTP); 10 s here proves the mechanism without waiting a minute.
    const viaProxy = postgresHandle(`postgres://postgres@127.0.0.1:${proxy.port}/postgres`, { max: 1, queryTimeoutSeconds: 10 });
    try {
      await viaProxy.db.execute(sql`select 1`);
      proxy.freeze();
      const result = await settled(viaProxy.db.execute(sql`select 2`));
      expect(result.ok).toBe(false);
      expect(isDatabaseUnavailable((result as { error: unknown }).error)).toBe(true);
      // query_timeout, then cancel_timeout 2 s for a connection that cannot even be cancelled.
      expect(result.ms).toBeGreaterThan(9_500);
      expect(result.ms).toBeLessThan(14_000);
    } finally {
      await viaProxy.close().catch(() => {});
      await proxy.close();
    }
  }, 30_000);

  it('sets the statement timeouts deliberately: 10 s for OLTP, 30 s for reporting', async () => {
    const reporting = postgresHandle(pg.url, { max: 1, reporting: true });
    try {
      const [oltp] = rowsOf<{ statement_timeout: string }>(await handle.db.execute(sql`show statement_timeout`));
      const [report] = rowsOf<{ statement_timeout: string }>(await reporting.db.execute(sql`show statement_timeout`));
      expect(oltp.statement_timeout).toBe('10s');
      expect(report.statement_timeout).toBe('30s');
    } finally {
      await reporting.close();
    }
  });
});

describe.each([
  ['fast restart', (p: ThrowawayPostgres) => p.stop('fast')],
  ['immediate restart', (p: ThrowawayPostgres) => p.stop('immediate')],
  ['postmaster kill (kill -9)', (p: ThrowawayPostgres) => p.killPostmaster()],
] as const)('the pool under write load through a %s', (_name, fault) => {
  it('keeps every acknowledged write, settles every query within the timeouts and is back within 2 s', async () => {
    const load = runWriteLoad(handle, { workers: 8 });
    await sleep(600);
    const faultStarted = performance.now();
    await fault(pg);
    const downMs = performance.now() - faultStarted;
    await sleep(700); // down for a moment, under load
    await pg.start();
    const backMs = await timeUntil(async () => (await handle.db.execute(sql`select 1`), true), { limitMs: 5000 });
    await sleep(500);
    const report = await load.stop();

    expect(report.acknowledged.length).toBeGreaterThan(20);
    expect(report.unexpected, 'every failure is an "unavailable" one').toEqual([]);
    // connect_timeout is 2 s; nothing may wait longer than that plus scheduling slack on a busy box.
    expect(report.slowestMs).toBeLessThan(3500);
    expect(backMs).toBeLessThan(2000);
    if (_name === 'fast restart') expect(downMs, 'a fast stop does not wait on the pool').toBeLessThan(5000);

    const present = rowsOf<{ id: number }>(
      await handle.db.execute(sql`select id from fault_writes where id = any(${`{${report.acknowledged.join(',')}}`}::int[])`),
    );
    expect(present.length).toBe(report.acknowledged.length);
    console.info(
      `[fault] ${_name}: ${report.acknowledged.length} writes acknowledged and present, ${report.failed} refused; ` +
        `server down in ${Math.round(downMs)} ms; pool back ${Math.round(backMs)} ms after Postgres accepted; slowest call ${Math.round(report.slowestMs)} ms`,
    );
  });
});
