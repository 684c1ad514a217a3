/**
 * A fresh, migrated, isolated database per call.
 *
 * - Default: in-memory PGlite. Each worker process migrates one instance once and keeps a dump of its data
 *   directory; every call boots a new instance from that dump (what PGlite's `clone()` does, minus
 *   re-dumping each time): about 1.5 s here against 5-8 s for a fresh instance plus migrations.
 * - TEST_DATABASE_URL set: `create database tp_t_<pid>_<random> template tp_tmpl_<pid>` on that server
 *   (the template is migrated once per run by tests/global-setup.ts); close() ends the pool and drops it.
 *
 * Always `await handle.close()` (afterAll), or PGlite instances and Postgres connections pile up.
 */
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import postgres from 'postgres';
import { inject } from 'vitest';
import {
  migratePgliteClient,
  pgliteHandle,
  postgresHandle,
  type DbHandle,
  type DbKind,
} from '@/db/client';
import { adminUrl, databaseUrlFor, TEST_DB_PREFIX } from './pg-names';

export const requiresPostgres: boolean = !!process.env.TEST_DATABASE_URL;

/** 'pglite' | 'postgres': put it in describe() titles so a failure says which database it was on. */
export const describeDb: DbKind = requiresPostgres ? 'postgres' : 'pglite';

/** `url` is the test database's own connection string, on Postgres: for tests that need more connections. */
export type TestDbHandle = DbHandle & { kind: DbKind; url?: string };

// Built here rather than with pgliteClient(): `new PGlite(undefined, options)` ignores `options` (PGlite
// only reads the second argument when the first is a string), so an in-memory pgliteClient() has no pg_trgm.
const PGLITE_EXTENSIONS = { pg_trgm };

let pgliteTemplate: Promise<Blob | File> | undefined;

/** The migrated data directory, as a tarball, made once per worker process. */
function migratedPgliteDump(): Promise<Blob | File> {
  if (!pgliteTemplate) {
    pgliteTemplate = (async () => {
      const client = new PGlite({ extensions: PGLITE_EXTENSIONS });
      try {
        await migratePgliteClient(client);
        return await client.dumpDataDir('none');
      } finally {
        await client.close();
      }
    })().catch((error: unknown) => {
      pgliteTemplate = undefined; // don't cache a failure: the next call tries again
      throw error;
    });
  }
  return pgliteTemplate;
}

function providedOrEnv(key: 'templateDb' | 'testDbPrefix', envName: string, fallback: string): string {
  try {
    const value = inject(key);
    if (value) return value;
  } catch {
    // not inside a vitest worker
  }
  return process.env[envName] || fallback;
}

async function withAdmin<T>(url: string, fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(adminUrl(url), { max: 1, onnotice: () => {} });
  try {
    return await fn(sql);
  } finally {
    await sql.end();
  }
}

export async function createTestDb(): Promise<TestDbHandle> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const dump = await migratedPgliteDump();
    return pgliteHandle(await PGlite.create({ loadDataDir: dump, extensions: PGLITE_EXTENSIONS }));
  }

  const template = providedOrEnv('templateDb', 'TP_TEMPLATE_DB', '');
  if (!template) {
    throw new Error('TEST_DATABASE_URL is set but no template database was prepared: is tests/global-setup.ts configured as globalSetup?');
  }
  const prefix = providedOrEnv('testDbPrefix', 'TP_TEST_DB_PREFIX', `${TEST_DB_PREFIX}${process.pid}_`);
  const name = `${prefix}${randomBytes(6).toString('hex')}`;
  await withAdmin(url, (sql) => sql.unsafe(`create database "${name}" template "${template}"`));

  const ownUrl = databaseUrlFor(url, name);
  const handle = postgresHandle(ownUrl, { max: 20 });
  let closed: Promise<void> | undefined;
  return {
    ...handle,
    url: ownUrl,
    close: () => {
      closed ??= (async () => {
        try {
          await handle.close();
        } finally {
          await withAdmin(url, (sql) => sql.unsafe(`drop database if exists "${name}" with (force)`));
        }
      })();
      return closed;
    },
  };
}
