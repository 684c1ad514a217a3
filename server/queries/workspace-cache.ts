import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { workspaceVersion } from '@/db/schema';
import { preparedPerDb } from './prepared';

/**
 * The workspace's configuration (taxonomy, teams, staff, macros) is read by every ticket and inbox page and
 * changes a few times a day. Each process keeps what it read, keyed by the database's workspace version, which
 * statement triggers (migration 0016) bump in the same transaction as any change to those tables. A page reads
 * the version, one tiny statement, and reuses the cached reads while it is unchanged: a change made through any
 * process shows on the next page in every process, and nothing has to survive in memory.
 *
 * Cached values are shared between requests: callers must not mutate them.
 */
export interface WorkspaceReads {
  /** The read `key` as of the current version: from the cache, or `load` once per process and version. */
  get<T>(key: string, load: (db: Db) => Promise<T>): Promise<T>;
}

interface CacheEntry {
  version: number;
  reads: Map<string, Promise<unknown>>;
}

// Per database handle: tests and tools run several databases in one process, each with its own version.
const cacheByDb = new WeakMap<Db, CacheEntry>();

const versionRow = preparedPerDb((db) =>
  db.select({ version: workspaceVersion.version }).from(workspaceVersion).where(eq(workspaceVersion.id, 1)).prepare('workspace_version'),
);

async function readVersion(db: Db): Promise<number> {
  const [row] = await versionRow(db).execute();
  return row?.version ?? 0;
}

/** The workspace reads of one request: they share one read of the version. */
export function workspaceReads(db: Db): WorkspaceReads {
  const version = readVersion(db);
  return {
    async get<T>(key: string, load: (db: Db) => Promise<T>): Promise<T> {
      const current = await version;
      let entry = cacheByDb.get(db);
      // A request that read the version just before a change committed must not push the cache back to it.
      if (entry && entry.version > current) return load(db);
      if (!entry || entry.version < current) {
        entry = { version: current, reads: new Map() };
        cacheByDb.set(db, entry);
      }
      const cached = entry.reads.get(key) as Promise<T> | undefined;
      if (cached) return cached;
      const read = load(db);
      const { reads } = entry;
      reads.set(key, read);
      // A failed read is not remembered: the next request tries again.
      read.catch(() => reads.delete(key));
      return read;
    },
  };
}
