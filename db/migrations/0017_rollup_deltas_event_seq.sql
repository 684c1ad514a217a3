-- 1. Events carry their commit order per ticket. Existing history is numbered in the order the rebuild
-- replayed it until now (time, then id); new events take max(seq) + 1 under the ticket's row lock.
ALTER TABLE "ticket_events" ADD COLUMN "seq" integer;--> statement-breakpoint
UPDATE "ticket_events" e SET "seq" = r.seq
  FROM (SELECT id, row_number() OVER (PARTITION BY ticket_id ORDER BY at, id)::integer AS seq FROM "ticket_events") r
  WHERE r.id = e.id;--> statement-breakpoint
ALTER TABLE "ticket_events" ALTER COLUMN "seq" SET NOT NULL;--> statement-breakpoint
DROP INDEX "ticket_events_ticket_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "ticket_events_ticket_seq_idx" ON "ticket_events" USING btree ("ticket_id","seq");--> statement-breakpoint
-- 2. The rollup becomes append-only for writers. Updating the shared day rows in place made transactions
-- that changed two fields lock them in two passes, in different orders: unrelated tickets deadlocked. Now a
-- change appends its signed deltas, which locks nothing another writer needs; metric_rollup_fold() moves
-- them into the base, and readers sum the base with the deltas not folded yet. Deltas carry the instant,
-- not the local day, so they mean the same whatever the workspace time zone is when they are folded.
CREATE TABLE "metric_rollup_delta" (
	"figure" smallint NOT NULL,
	"dim" smallint NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"key" text NOT NULL,
	"n" integer NOT NULL,
	"s1" integer NOT NULL,
	"s2" integer NOT NULL,
	"s3" integer NOT NULL,
	"s4" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "metric_rollup_delta_slice_idx" ON "metric_rollup_delta" USING btree ("figure","dim","at");--> statement-breakpoint
-- What one ticket adds to the rollup, at the instant of each figure's event (METRICS.md, period attribution).
-- The rules of 0010, unchanged; metric_contributions (by local day) now reads them from here.
CREATE FUNCTION metric_contributions_at(t tickets)
RETURNS TABLE (figure smallint, dim smallint, at timestamptz, key text, s1 integer, s2 integer, s3 integer, s4 integer)
LANGUAGE sql STABLE AS $$
  SELECT f.figure, d.dim, f.at, d.key, f.s1, f.s2, f.s3, f.s4
  FROM (VALUES
    (1::smallint, t.created_at, 0, 0, 0, 0),
    (2::smallint, t.first_response_at, 0, 0, 0, 0),
    (3::smallint, t.first_solved_at, (t.fcr IS NOT NULL)::integer, coalesce(t.fcr, false)::integer,
      (t.reopen_count >= 1)::integer, (t.replies_before_first_solve = 0)::integer),
    (4::smallint, t.last_solved_at, 0, 0, 0, 0),
    (5::smallint, t.latest_csat_at, (t.latest_csat_score >= 4)::integer, 0, 0, 0),
    (6::smallint, t.sla_fr_at, t.sla_fr_met::integer, 0, 0, 0),
    (7::smallint, t.sla_res_at, t.sla_res_met::integer, 0, 0, 0)
  ) AS f(figure, at, s1, s2, s3, s4)
  CROSS JOIN (VALUES
    (0::smallint, ''), (1::smallint, coalesce(t.assignee_id::text, '')), (2::smallint, coalesce(t.team_id::text, '')),
    (3::smallint, coalesce(t.journey_stage, '')), (4::smallint, coalesce(t.touchpoint, '')), (5::smallint, t.channel),
    (6::smallint, t.priority), (7::smallint, coalesce(t.journey_stage, '') || '|' || coalesce(t.touchpoint, ''))
  ) AS d(dim, key)
  WHERE f.at IS NOT NULL AND t.merged_into_id IS NULL
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION metric_contributions(t tickets, tz text)
RETURNS TABLE (figure smallint, dim smallint, day date, key text, s1 integer, s2 integer, s3 integer, s4 integer)
LANGUAGE sql STABLE AS $$
  SELECT c.figure, c.dim, (c.at AT TIME ZONE tz)::date, c.key, c.s1, c.s2, c.s3, c.s4 FROM metric_contributions_at(t) c
$$;--> statement-breakpoint
CREATE TYPE metric_delta AS (figure smallint, dim smallint, at timestamptz, key text, s1 integer, s2 integer, s3 integer, s4 integer, sign integer);--> statement-breakpoint
-- Appends signed contributions, one row per figure, group and instant; no row is ever updated.
CREATE FUNCTION metric_rollup_append(changes metric_delta[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO metric_rollup_delta (figure, dim, at, key, n, s1, s2, s3, s4)
  SELECT c.figure, c.dim, c.at, c.key, sum(c.sign), sum(c.sign * c.s1), sum(c.sign * c.s2), sum(c.sign * c.s3), sum(c.sign * c.s4)
  FROM unnest(changes) c
  GROUP BY c.figure, c.dim, c.at, c.key
  -- A figure whose group and instant did not change cancels out: most updates append only a few rows.
  HAVING sum(c.sign) <> 0 OR sum(c.sign * c.s1) <> 0 OR sum(c.sign * c.s2) <> 0 OR sum(c.sign * c.s3) <> 0 OR sum(c.sign * c.s4) <> 0;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION metric_rollup_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF metric_rollup_paused() THEN RETURN NULL; END IF;
  PERFORM metric_rollup_append(ARRAY(
    SELECT (c.figure, c.dim, c.at, c.key, c.s1, c.s2, c.s3, c.s4, 1)::metric_delta
    FROM new_rows t CROSS JOIN LATERAL metric_contributions_at(t) c));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION metric_rollup_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF metric_rollup_paused() THEN RETURN NULL; END IF;
  PERFORM metric_rollup_append(ARRAY(
    SELECT (c.figure, c.dim, c.at, c.key, c.s1, c.s2, c.s3, c.s4, 1)::metric_delta FROM metric_contributions_at(NEW) c
    UNION ALL
    SELECT (c.figure, c.dim, c.at, c.key, c.s1, c.s2, c.s3, c.s4, -1)::metric_delta FROM metric_contributions_at(OLD) c));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION metric_rollup_on_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF metric_rollup_paused() THEN RETURN NULL; END IF;
  PERFORM metric_rollup_append(ARRAY(
    SELECT (c.figure, c.dim, c.at, c.key, c.s1, c.s2, c.s3, c.s4, -1)::metric_delta
    FROM old_rows t CROSS JOIN LATERAL metric_contributions_at(t) c));
  RETURN NULL;
END $$;--> statement-breakpoint
DROP FUNCTION metric_rollup_apply(metric_change[]);--> statement-breakpoint
DROP TYPE metric_change;--> statement-breakpoint
-- Moves the deltas committed so far into the base, by local day in the rollup's time zone, one upsert per
-- base row in key order. One fold or rebuild at a time (the same advisory lock): a second fold returns at
-- once. Deltas committed while it runs stay for the next fold.
CREATE FUNCTION metric_rollup_fold() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  tz text;
  folded integer;
BEGIN
  IF NOT pg_try_advisory_xact_lock(7270017) THEN RETURN 0; END IF;
  tz := metric_rollup_time_zone();
  WITH taken AS (DELETE FROM metric_rollup_delta RETURNING *)
  INSERT INTO metric_rollup AS m (figure, dim, day, key, n, s1, s2, s3, s4)
  SELECT figure, dim, (at AT TIME ZONE tz)::date, key, sum(n), sum(s1), sum(s2), sum(s3), sum(s4)
  FROM taken
  GROUP BY 1, 2, 3, 4
  ORDER BY 1, 2, 3, 4
  ON CONFLICT (figure, dim, day, key) DO UPDATE SET
    n = m.n + excluded.n, s1 = m.s1 + excluded.s1, s2 = m.s2 + excluded.s2, s3 = m.s3 + excluded.s3, s4 = m.s4 + excluded.s4;
  GET DIAGNOSTICS folded = ROW_COUNT;
  RETURN folded;
END $$;--> statement-breakpoint
-- Recomputes the base from the tickets, in a time zone, without holding writers back. After the fold's lock,
-- one statement reads the tickets, deletes the deltas and rewrites the base: all in one snapshot, so the
-- deltas it deletes are exactly those whose changes the tickets it reads already show. Deltas committed
-- after that snapshot stay, and apply on top of the new base.
CREATE OR REPLACE FUNCTION metric_rollup_rebuild(tz text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  written integer;
BEGIN
  PERFORM pg_advisory_xact_lock(7270017);
  PERFORM set_config('work_mem', '256MB', true);
  INSERT INTO metric_rollup_meta (id, time_zone) VALUES (1, tz) ON CONFLICT (id) DO UPDATE SET time_zone = excluded.time_zone;
  WITH fresh AS (
    SELECT c.figure, c.dim, c.day, c.key, count(*)::integer AS n, sum(c.s1)::integer AS s1, sum(c.s2)::integer AS s2,
      sum(c.s3)::integer AS s3, sum(c.s4)::integer AS s4
    FROM tickets t CROSS JOIN LATERAL metric_contributions(t, tz) c
    GROUP BY c.figure, c.dim, c.day, c.key
  ), dropped_deltas AS (
    DELETE FROM metric_rollup_delta RETURNING 1
  ), dropped_rows AS (
    DELETE FROM metric_rollup m
    WHERE NOT EXISTS (SELECT 1 FROM fresh f WHERE f.figure = m.figure AND f.dim = m.dim AND f.day = m.day AND f.key = m.key)
    RETURNING 1
  ), upserted AS (
    INSERT INTO metric_rollup AS m (figure, dim, day, key, n, s1, s2, s3, s4)
    SELECT figure, dim, day, key, n, s1, s2, s3, s4 FROM fresh
    ON CONFLICT (figure, dim, day, key) DO UPDATE SET n = excluded.n, s1 = excluded.s1, s2 = excluded.s2, s3 = excluded.s3, s4 = excluded.s4
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM upserted) INTO written;
END $$;
