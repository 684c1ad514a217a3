import { and, eq, gt, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { tickets } from '@/db/schema';
import type { InboxSort } from '@/lib/validation/inbox';
import { cursorInstant, cursorInteger } from './cursor';

/** One key of a keyset sort: the column, its direction, and how its cursor value is read back. */
interface SortKey {
  column: AnyPgColumn;
  dir: 'asc' | 'desc';
  kind: 'date' | 'int';
}

/** Every sort ends on id, so ties are broken the same way on every page. */
export const SORT_KEYS: Record<InboxSort, SortKey[]> = {
  created: [
    { column: tickets.createdAt, dir: 'desc', kind: 'date' },
    { column: tickets.id, dir: 'desc', kind: 'int' },
  ],
  last_activity: [
    { column: tickets.lastActivityAt, dir: 'desc', kind: 'date' },
    { column: tickets.id, dir: 'desc', kind: 'int' },
  ],
  priority: [
    { column: tickets.priorityRank, dir: 'asc', kind: 'int' },
    { column: tickets.lastActivityAt, dir: 'desc', kind: 'date' },
    { column: tickets.id, dir: 'desc', kind: 'int' },
  ],
  // Tickets without a running SLA target come last (nulls last), in id order.
  sla_due: [
    { column: tickets.slaNextDueAt, dir: 'asc', kind: 'date' },
    { column: tickets.id, dir: 'asc', kind: 'int' },
  ],
};

/** Spelled out to match the indexes exactly (DESC NULLS LAST): plain DESC means NULLS FIRST and sorts the table. */
export function orderBy(sort: InboxSort): SQL[] {
  return SORT_KEYS[sort].map((k) => (k.dir === 'asc' ? sql`${k.column} asc nulls last` : sql`${k.column} desc nulls last`));
}

/** The sort keys as extra selected fields (k0, k1, …), so a page's last row yields the next cursor. */
export function sortKeyFields(sort: InboxSort): Record<string, AnyPgColumn> {
  return Object.fromEntries(SORT_KEYS[sort].map((k, i) => [`k${i}`, k.column]));
}

export function cursorValues(sort: InboxSort, row: Record<string, unknown>): (string | number | null)[] {
  return SORT_KEYS[sort].map((_, i) => {
    const value = row[`k${i}`];
    return value instanceof Date ? value.toISOString() : (value as number | null);
  });
}

function parseValue(key: SortKey, raw: string | number | null): Date | number | null {
  if (raw === null) return null;
  return key.kind === 'date' ? cursorInstant(raw) : cursorInteger(raw);
}

/**
 * "After this row" for a sort of several keys with mixed directions: for each key k, the earlier keys are
 * equal and key k is past the cursor. A null (only the SLA deadline can be null) sorts last.
 */
export function keysetAfter(sort: InboxSort, raw: (string | number | null)[]): SQL {
  const keys = SORT_KEYS[sort];
  const values = keys.map((k, i) => parseValue(k, raw[i]));
  // Keys all in one direction and no nulls: a row comparison, which Postgres uses as an index condition,
  // so a page 2,000 deep reads one page of the index instead of filtering every row before it.
  const oneDirection = keys.every((k) => k.dir === keys[0].dir);
  if (oneDirection && values.every((v) => v !== null)) {
    const cols = sql.join(keys.map((k) => sql`${k.column}`), sql`, `);
    const vals = sql.join(values.map((v) => (v instanceof Date ? sql`${v.toISOString()}::timestamptz` : sql`${v}`)), sql`, `);
    const past = keys[0].dir === 'desc' ? sql`(${cols}) < (${vals})` : sql`(${cols}) > (${vals})`;
    // Ascending SLA deadlines put rows without one last: they come after any cursor that has one.
    return keys[0].column === tickets.slaNextDueAt ? or(past, isNull(tickets.slaNextDueAt))! : past;
  }
  const branches: SQL[] = [];
  for (let i = 0; i < keys.length; i++) {
    const equalBefore = keys.slice(0, i).map((k, j) => (values[j] === null ? isNull(k.column) : eq(k.column, values[j])));
    const { column, dir } = keys[i];
    const value = values[i];
    if (value === null) continue; // nothing sorts after a null key itself; its ties are ordered by the next key
    const past = dir === 'desc' ? lt(column, value) : column === tickets.slaNextDueAt ? or(gt(column, value), isNull(column)) : gt(column, value);
    branches.push(and(...equalBefore, past)!);
  }
  return or(...branches)!;
}
