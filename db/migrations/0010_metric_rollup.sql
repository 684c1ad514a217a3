CREATE TABLE "metric_rollup" (
	"figure" smallint NOT NULL,
	"dim" smallint NOT NULL,
	"day" date NOT NULL,
	"key" text NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	"s1" integer DEFAULT 0 NOT NULL,
	"s2" integer DEFAULT 0 NOT NULL,
	"s3" integer DEFAULT 0 NOT NULL,
	"s4" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "metric_rollup_figure_dim_day_key_pk" PRIMARY KEY("figure","dim","day","key")
);
--> statement-breakpoint
CREATE TABLE "metric_rollup_meta" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"time_zone" text NOT NULL
);
--> statement-breakpoint
INSERT INTO "metric_rollup_meta" ("id", "time_zone")
  SELECT 1, coalesce((SELECT "value"->>'timeZone' FROM "settings" WHERE "key" = 'workspace'), 'UTC');--> statement-breakpoint
-- What one ticket adds to the rollup: a row per figure it counts in (METRICS.md, period attribution) and per
-- group it belongs to. Merged tickets count nowhere. An SLA target counts at its event when met, else at its
-- deadline; queries read only days that have ended, so a target still running is never counted.
CREATE FUNCTION metric_contributions(t tickets, tz text)
RETURNS TABLE (figure smallint, dim smallint, day date, key text, s1 integer, s2 integer, s3 integer, s4 integer)
LANGUAGE sql STABLE AS $$
  SELECT f.figure, d.dim, (f.at AT TIME ZONE tz)::date, d.key, f.s1, f.s2, f.s3, f.s4
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
CREATE TYPE metric_change AS (figure smallint, dim smallint, day date, key text, s1 integer, s2 integer, s3 integer, s4 integer, sign integer);--> statement-breakpoint
-- Applies signed contributions: one upsert per rollup row, in key order (so concurrent writers lock rows in
-- the same order), in the transaction of the ticket change.
CREATE FUNCTION metric_rollup_apply(changes metric_change[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO metric_rollup AS m (figure, dim, day, key, n, s1, s2, s3, s4)
  SELECT c.figure, c.dim, c.day, c.key, sum(c.sign), sum(c.sign * c.s1), sum(c.sign * c.s2), sum(c.sign * c.s3), sum(c.sign * c.s4)
  FROM unnest(changes) c
  GROUP BY c.figure, c.dim, c.day, c.key
  -- A ticket that left a group and came back within one statement changes nothing there.
  HAVING sum(c.sign) <> 0 OR sum(c.sign * c.s1) <> 0 OR sum(c.sign * c.s2) <> 0 OR sum(c.sign * c.s3) <> 0 OR sum(c.sign * c.s4) <> 0
  ORDER BY c.figure, c.dim, c.day, c.key
  ON CONFLICT (figure, dim, day, key) DO UPDATE SET
    n = m.n + excluded.n, s1 = m.s1 + excluded.s1, s2 = m.s2 + excluded.s2, s3 = m.s3 + excluded.s3, s4 = m.s4 + excluded.s4;
END $$;--> statement-breakpoint
CREATE FUNCTION metric_rollup_time_zone() RETURNS text LANGUAGE sql STABLE AS $$
  SELECT coalesce((SELECT time_zone FROM metric_rollup_meta WHERE id = 1), 'UTC')
$$;--> statement-breakpoint
-- A bulk load (the benchmark seed) may pause the triggers for its session and rebuild once at the end.
CREATE FUNCTION metric_rollup_paused() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('touchpoint.rollup_paused', true), '') = 'on'
$$;--> statement-breakpoint
CREATE FUNCTION metric_rollup_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF metric_rollup_paused() THEN RETURN NULL; END IF;
  PERFORM metric_rollup_apply(ARRAY(
    SELECT (c.figure, c.dim, c.day, c.key, c.s1, c.s2, c.s3, c.s4, 1)::metric_change
    FROM new_rows t CROSS JOIN LATERAL metric_contributions(t, metric_rollup_time_zone()) c));
  RETURN NULL;
END $$;--> statement-breakpoint
-- Updates are handled a row at a time, behind a WHEN clause that compares the columns the contributions
-- depend on in C: most updates (a reply after the first, a note, a presence bump) never call the function.
CREATE FUNCTION metric_rollup_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF metric_rollup_paused() THEN RETURN NULL; END IF;
  PERFORM metric_rollup_apply(ARRAY(
    SELECT (c.figure, c.dim, c.day, c.key, c.s1, c.s2, c.s3, c.s4, 1)::metric_change FROM metric_contributions(NEW, metric_rollup_time_zone()) c
    UNION ALL
    SELECT (c.figure, c.dim, c.day, c.key, c.s1, c.s2, c.s3, c.s4, -1)::metric_change FROM metric_contributions(OLD, metric_rollup_time_zone()) c));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION metric_rollup_on_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF metric_rollup_paused() THEN RETURN NULL; END IF;
  PERFORM metric_rollup_apply(ARRAY(
    SELECT (c.figure, c.dim, c.day, c.key, c.s1, c.s2, c.s3, c.s4, -1)::metric_change
    FROM old_rows t CROSS JOIN LATERAL metric_contributions(t, metric_rollup_time_zone()) c));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER tickets_metric_rollup_insert AFTER INSERT ON tickets REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION metric_rollup_on_insert();--> statement-breakpoint
CREATE TRIGGER tickets_metric_rollup_update AFTER UPDATE ON tickets FOR EACH ROW
  WHEN ((OLD.merged_into_id, OLD.created_at, OLD.first_response_at, OLD.first_solved_at, OLD.fcr, OLD.reopen_count >= 1,
    OLD.replies_before_first_solve = 0, OLD.last_solved_at, OLD.latest_csat_at, OLD.latest_csat_score >= 4, OLD.sla_fr_at,
    OLD.sla_fr_met, OLD.sla_res_at, OLD.sla_res_met, OLD.assignee_id, OLD.team_id, OLD.journey_stage, OLD.touchpoint,
    OLD.channel, OLD.priority)
    IS DISTINCT FROM (NEW.merged_into_id, NEW.created_at, NEW.first_response_at, NEW.first_solved_at, NEW.fcr,
    NEW.reopen_count >= 1, NEW.replies_before_first_solve = 0, NEW.last_solved_at, NEW.latest_csat_at,
    NEW.latest_csat_score >= 4, NEW.sla_fr_at, NEW.sla_fr_met, NEW.sla_res_at, NEW.sla_res_met, NEW.assignee_id,
    NEW.team_id, NEW.journey_stage, NEW.touchpoint, NEW.channel, NEW.priority))
  EXECUTE FUNCTION metric_rollup_on_update();--> statement-breakpoint
CREATE TRIGGER tickets_metric_rollup_delete AFTER DELETE ON tickets REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION metric_rollup_on_delete();--> statement-breakpoint
-- Recomputes the whole rollup from the tickets, in a time zone (the workspace's): after a time-zone change,
-- a metrics rebuild or a bulk load.
CREATE FUNCTION metric_rollup_rebuild(tz text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('work_mem', '256MB', true);
  DELETE FROM metric_rollup;
  INSERT INTO metric_rollup_meta (id, time_zone) VALUES (1, tz) ON CONFLICT (id) DO UPDATE SET time_zone = excluded.time_zone;
  INSERT INTO metric_rollup (figure, dim, day, key, n, s1, s2, s3, s4)
  SELECT c.figure, c.dim, c.day, c.key, count(*), sum(c.s1), sum(c.s2), sum(c.s3), sum(c.s4)
  FROM tickets t CROSS JOIN LATERAL metric_contributions(t, tz) c
  GROUP BY c.figure, c.dim, c.day, c.key;
END $$;--> statement-breakpoint
SELECT metric_rollup_rebuild(metric_rollup_time_zone());
