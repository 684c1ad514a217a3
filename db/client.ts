import path from 'node:path';
import fs from 'node:fs';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { withReplicas, type PgDatabase, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import postgres from 'postgres';
import * as schema from './schema';
import { executorForPglite, postgresExecutor } from './queue-sql';
import { installQueueSchema } from './queue-schema';
import { asUnavailable } from './unavailable';

export type Schema = typeof schema;
/** A database or a transaction: services accept either, so they compose inside one transaction. */
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export const MIGRATIONS_DIR = path.join(process.cwd(), 'db', 'migrations');
export const DEFAULT_PGLITE_DIR = path.join(process.cwd(), '.data', 'pglite');

export type DbKind = 'pglite' | 'postgres';
export interface DbHandle {
  db: Db;
  kind: DbKind;
  close: () => Promise<void>;
  /** How the job queue (pg-boss) reaches the same database: its own pool on Postgres, the one client on PGlite. */
  queue: { url: string } | { pglite: PGlite };
}

/**
 * Postgres tuned for short OLTP queries: parallel plans and JIT only slow them down on small boxes.
 * statement_timeout 10 s: an inbox, ticket or write takes milliseconds, so 10 s only ever stops a runaway
 * statement (or one stuck behind a lock) from holding a connection and a request for good.
 * idle_in_transaction_session_timeout: a transaction left open by a process that hung releases its locks.
 */
const OLTP_SETTINGS = {
  jit: 'off',
  max_parallel_workers_per_gather: '0',
  statement_timeout: 10_000, // ms
  idle_in_transaction_session_timeout: 30_000,
};
/**
 * Reporting reads are many short statements run side by side (a board's views, each figure's sorted read):
 * starting parallel workers for each doubled their time. 32 MB keeps a 90-day export sort in memory.
 * statement_timeout 30 s: a 90-day board is about 0.4 s at 1M tickets and exports read 1,000-row keyset
 * chunks, so 30 s is far past any honest reporting statement and still ends a runaway one.
 */
const REPORTING_SETTINGS = {
  jit: 'off',
  max_parallel_workers_per_gather: '0',
  work_mem: '32MB',
  statement_timeout: 30_000,
  idle_in_transaction_session_timeout: 60_000,
};

/**
 * How the pool behaves when Postgres goes away (restart, crash, network), chosen so an outage answers fast
 * and recovery needs no restart of the app:
 * - connect_timeout 2 s: a refused connection fails at once; an unreachable host (packets dropped) fails
 *   after 2 s, so a request during an outage answers 503 within 2 s instead of hanging for the 30 s default.
 * - backoff at most 0.5 s between reconnect attempts (the default grows to 20 s), so the pool is back
 *   within half a second of Postgres accepting connections again.
 * - query_timeout (postgres.js's own deadline): the server ends slow statements itself; this is the
 *   backstop for when it cannot answer at all (a half-open connection after a network failure), which no
 *   server-side timeout can catch and TCP notices only after many minutes. 60 s for OLTP, not 12: the
 *   metric rollup rebuild after a time-zone change lifts its own statement_timeout and may take tens of
 *   seconds on a large workspace. 35 s for reporting, just past its statement_timeout. Cursors are exempt.
 * - cancel_timeout 2 s: after query_timeout the query is cancelled; a connection that cannot even take
 *   the cancel is closed 2 s later.
 * - keep_alive 30 s: the kernel starts probing an idle connection after 30 s, to find dead peers.
 * - idle_timeout 60 s / max_lifetime 30 min: idle connections are closed rather than kept across a restart
 *   to fail on first use, and none lives forever (memory of prepared statements on the server).
 */
const POOL_OPTIONS = {
  connect_timeout: 2,
  backoff: (attempt: number) => Math.min(0.05 * 2 ** attempt, 0.5),
  keep_alive: 30,
  idle_timeout: 60,
  max_lifetime: 30 * 60,
  cancel_timeout: 2,
} as const;
const OLTP_QUERY_TIMEOUT_SECONDS = 60;
const REPORTING_QUERY_TIMEOUT_SECONDS = 35;

export function pgliteClient(dataDir?: string): PGlite {
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  // pg_trgm must be registered here, or `create extension pg_trgm` in the migrations fails.
  // PGlite reads the options argument only after a string path, so in-memory is 'memory://'.
  return new PGlite(dataDir ?? 'memory://', { extensions: { pg_trgm } });
}

export function pgliteHandle(client: PGlite): DbHandle {
  return {
    db: drizzlePglite({ client, schema, casing: 'snake_case' }) as unknown as Db,
    kind: 'pglite',
    close: () => client.close(),
    queue: { pglite: client },
  };
}

/** queryTimeoutSeconds: only for tests that prove the deadline without waiting a minute. */
export function postgresHandle(url: string, options: { max?: number; reporting?: boolean; queryTimeoutSeconds?: number } = {}): DbHandle {
  const connection = options.reporting ? REPORTING_SETTINGS : OLTP_SETTINGS;
  const query_timeout = options.queryTimeoutSeconds ?? (options.reporting ? REPORTING_QUERY_TIMEOUT_SECONDS : OLTP_QUERY_TIMEOUT_SECONDS);
  const client = postgres(url, { ...POOL_OPTIONS, query_timeout, max: options.max ?? 10, onnotice: () => {}, connection });
  return {
    db: drizzlePostgres({ client, schema, casing: 'snake_case' }) as unknown as Db,
    kind: 'postgres',
    close: () => client.end(),
    queue: { url },
  };
}

export async function migratePgliteClient(client: PGlite): Promise<void> {
  await migratePglite(drizzlePglite({ client }), { migrationsFolder: MIGRATIONS_DIR });
  await installQueueSchema(executorForPglite(client));
}

/**
 * Migrates under an advisory lock, so several app processes booting together migrate once. No statement
 * timeout here (an index build may take long), but the same connect timeout: a boot while Postgres is down
 * fails in seconds and is tried again (server/startup.ts).
 */
export async function migratePostgresUrl(url: string): Promise<void> {
  const client = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: POOL_OPTIONS.connect_timeout });
  try {
    await client`select pg_advisory_lock(7270001)`;
    await migratePostgres(drizzlePostgres({ client }), { migrationsFolder: MIGRATIONS_DIR });
    await installQueueSchema(postgresExecutor(client));
    await client`select pg_advisory_unlock(7270001)`;
  } finally {
    await client.end();
  }
}

/** Opens (and migrates) the database named by the environment: Postgres with DATABASE_URL, else PGlite. */
export async function openDatabase(env: NodeJS.ProcessEnv = process.env): Promise<DbHandle> {
  if (env.DATABASE_URL) {
    await migratePostgresUrl(env.DATABASE_URL);
    return postgresHandle(env.DATABASE_URL);
  }
  const client = pgliteClient(env.PGLITE_DIR || DEFAULT_PGLITE_DIR);
  await migratePgliteClient(client);
  return pgliteHandle(client);
}

const globalForDb = globalThis as unknown as { __touchpointDb?: Promise<DbHandle> };

/**
 * The app's shared handle. A failed start is not cached: the next request (or the boot loop in
 * server/startup.ts) tries again. A database that cannot be reached fails as DatabaseUnavailableError,
 * so pages and routes answer "unavailable" rather than a bare 500.
 * One process per PGlite directory: two processes on one directory silently diverge.
 */
export function getDbHandle(): Promise<DbHandle> {
  if (!globalForDb.__touchpointDb) {
    globalForDb.__touchpointDb = openDatabase().catch((error: unknown) => {
      globalForDb.__touchpointDb = undefined;
      throw asUnavailable(error);
    });
  }
  return globalForDb.__touchpointDb;
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

const globalForReplica = globalThis as unknown as { __touchpointReporting?: { db: Db; handle: DbHandle } };

/**
 * The primary wrapped with drizzle's `withReplicas`: selects go to the replica at `readUrl`, writes to the
 * primary. Reporting code runs its aggregates as raw `execute()` reads, which drizzle sends to the primary
 * (it cannot tell a raw read from a write), so `execute` goes to the replica too: nothing reporting does writes.
 */
export function replicaReportingDb(primary: Db, readUrl: string): { db: Db; handle: DbHandle } {
  const handle = postgresHandle(readUrl, { max: 4, reporting: true });
  const replica = handle.db;
  const wrapped = withReplicas(primary, [replica]);
  const db = Object.assign(wrapped, { execute: ((query) => replica.execute(query)) as Db['execute'] });
  return { db: db as unknown as Db, handle };
}

/**
 * Reporting reads (boards, metrics, exports): through the replica at DATABASE_READ_URL when one is set, so
 * reporting load never slows the inbox; otherwise the primary. Either way through their own small pool,
 * with reporting settings, so a board never holds an inbox connection.
 */
export async function getReportingDb(): Promise<Db> {
  const readUrl = process.env.DATABASE_READ_URL;
  const url = readUrl || process.env.DATABASE_URL;
  if (!url) return getDb();
  const primary = await getDb(); // the primary is migrated before anything reads it
  if (!globalForReplica.__touchpointReporting) {
    const handle = readUrl ? undefined : postgresHandle(url, { max: 4, reporting: true });
    globalForReplica.__touchpointReporting = handle ? { db: handle.db, handle } : replicaReportingDb(primary, readUrl!);
  }
  return globalForReplica.__touchpointReporting.db;
}

/** Rows of a raw `db.execute()`: postgres.js returns an array, PGlite `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
