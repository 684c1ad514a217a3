/**
 * Runs once per `vitest run`, before any worker starts.
 *
 * With TEST_DATABASE_URL: migrates a template database on that server once, so each test file can
 * `create database … template …` (tens of ms) instead of migrating again. Names carry this process's pid,
 * so two runs against one server (a developer and CI, say) never drop each other's databases.
 * Without it: nothing to do; tests/helpers/db.ts migrates one in-memory PGlite per worker and clones it.
 */
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { migratePostgresUrl } from '../db/client';
import { adminUrl, databaseUrlFor, TEMPLATE_PREFIX, TEST_DB_PREFIX } from './helpers/pg-names';

declare module 'vitest' {
  interface ProvidedContext {
    /** Name of the migrated template database on TEST_DATABASE_URL's server, or '' on PGlite. */
    templateDb: string;
    /** Prefix for the databases this run creates (tp_t_<pid>_). */
    testDbPrefix: string;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export default async function setup(project: TestProject) {
  process.env.TZ = 'UTC';
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    project.provide('templateDb', '');
    project.provide('testDbPrefix', '');
    return;
  }

  const template = `${TEMPLATE_PREFIX}${process.pid}`;
  const testPrefix = `${TEST_DB_PREFIX}${process.pid}_`;
  const admin = postgres(adminUrl(url), { max: 1, onnotice: () => {} });

  const dropOwn = async () => {
    const rows = await admin<{ datname: string }[]>`
      select datname from pg_database where datname like ${testPrefix.replace(/_/g, '\\_') + '%'}`;
    for (const { datname } of rows) await admin.unsafe(`drop database if exists ${quote(datname)} with (force)`);
    await admin.unsafe(`drop database if exists ${quote(template)} with (force)`);
  };

  try {
    // Leftovers of runs that crashed before teardown (their pid is gone). Not forced: a database still in
    // use belongs to someone, so the drop fails and is ignored.
    const stale = await admin<{ datname: string }[]>`
      select datname from pg_database where datname ~ '^tp_(t|tmpl)_[0-9]+'`;
    for (const { datname } of stale) {
      const pid = Number(/^tp_(?:t|tmpl)_(\d+)/.exec(datname)?.[1]);
      if (pid && pid !== process.pid && !isAlive(pid)) {
        await admin.unsafe(`drop database if exists ${quote(datname)}`).catch(() => {});
      }
    }

    await dropOwn();
    await admin.unsafe(`create database ${quote(template)}`);
    await migratePostgresUrl(databaseUrlFor(url, template));
  } catch (error) {
    await admin.end();
    throw error;
  }

  process.env.TP_TEMPLATE_DB = template;
  project.provide('templateDb', template);
  project.provide('testDbPrefix', testPrefix);

  return async () => {
    try {
      await dropOwn();
    } finally {
      await admin.end();
    }
  };
}
