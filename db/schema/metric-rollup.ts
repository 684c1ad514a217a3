import { index, integer, pgTable, primaryKey, smallint, date, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Every figure of METRICS.md, summed per local day (in the workspace time zone) and per group value, so
 * boards and the metrics API read a few hundred rows instead of every ticket in the range. The figures are
 * this base plus `metric_rollup_delta`: triggers on `tickets` append each change's deltas there, in the
 * same transaction as the change, and `metric_rollup_fold()` moves them into the base (migration 0017).
 * Rebuilt whole by `metric_rollup_rebuild()`. Counts and flag sums only: percentiles are read from the figures' covering
 * indexes (a median cannot be summed), so they stay exact.
 *
 * figure: 1 created, 2 first response, 3 first solve, 4 full resolution, 5 CSAT, 6 SLA first response,
 * 7 SLA resolution. dim: 0 all (key ''), 1 agent id, 2 team id, 3 journey stage, 4 touchpoint, 5 channel,
 * 6 priority, 7 "stage|touchpoint" (the heatmap). A missing value has the key ''.
 */
export const metricRollup = pgTable(
  'metric_rollup',
  {
    figure: smallint().notNull(),
    dim: smallint().notNull(),
    day: date().notNull(),
    key: text().notNull(),
    n: integer().notNull().default(0),
    /** Flag sums: solve → fcr known, fcr true, reopened, solved without reply; CSAT and SLA → satisfied / met. */
    s1: integer().notNull().default(0),
    s2: integer().notNull().default(0),
    s3: integer().notNull().default(0),
    s4: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.figure, t.dim, t.day, t.key] })],
);

/**
 * What ticket changes added to or took from the rollup since the last fold: append-only, so concurrent
 * writers never wait for each other's rollup rows (updating shared day rows in place deadlocked them).
 * Readers sum it with the base; the worker folds it into the base every few seconds.
 */
export const metricRollupDelta = pgTable(
  'metric_rollup_delta',
  {
    figure: smallint().notNull(),
    dim: smallint().notNull(),
    /** The figure's event time: folded into the local day of the rollup's time zone when it is folded. */
    at: timestamp({ withTimezone: true }).notNull(),
    key: text().notNull(),
    n: integer().notNull(),
    s1: integer().notNull(),
    s2: integer().notNull(),
    s3: integer().notNull(),
    s4: integer().notNull(),
  },
  (t) => [index('metric_rollup_delta_slice_idx').on(t.figure, t.dim, t.at)],
);

/** The time zone the rollup's days are in (one row): the workspace's, kept equal by updateSettings. */
export const metricRollupMeta = pgTable('metric_rollup_meta', {
  id: smallint().primaryKey().default(1),
  timeZone: text().notNull(),
});
