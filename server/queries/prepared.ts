import type { Db } from '@/db/client';

/**
 * A statement prepared once per database handle, for the few reads that every page makes (the session's actor, the
 * ticket page's reads). drizzle sends an unnamed query to postgres.js with `prepare: false`, so Postgres parses and
 * plans it on every call: for the ticket row's six-table join that was 1.3 ms of a 1.5 ms read. A named statement
 * is parsed and planned once per connection, and drizzle builds its SQL once. Only for fixed-shape lookups by key,
 * where Postgres's generic plan is the right one; the inbox's filtered lists stay unprepared.
 *
 * `build` must call `.prepare(name)` with placeholders for the values. Inside a transaction the handle is the
 * transaction, which gets a statement of its own.
 */
export function preparedPerDb<Q>(build: (db: Db) => Q): (db: Db) => Q {
  const byDb = new WeakMap<Db, Q>();
  return (db) => {
    let statement = byDb.get(db);
    if (!statement) {
      statement = build(db);
      byDb.set(db, statement);
    }
    return statement;
  };
}
