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
-- them into the base, and readers sum the base with the deltas not folded yet.
CREATE TABLE "metric_rollup_delta" (
	"figure" smallint NOT NULL,
	"dim" smallint NOT NULL,
	"day" date NOT NULL,
	"key" text NOT NULL,
	"n" integer NOT NULL,
	"s1" integer NOT NULL,
	"s2" integer NOT NULL,
	"s3" integer NOT NULL,
	"s4" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "metric_rollup_delta_slice_idx" ON "metric_rollup_delta" USING btree ("figure","dim","day");--> statement-breakpoint
CREATE OR REPLACE FUNCTION metric_rollup_apply(changes metric_change[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO metric_rollup_delta (figure, dim, day, key, n, s1, s2, s3, s4)
  SELECT c.figure, c.dim, c.day, c.key, sum(c.sign), sum(c.sign * c.s1), sum(c.sign * c.s2), sum(c.sign * c.s3), sum(c.sign * c.s4)
  FROM unnest(changes) c
  GROUP BY c.figure, c.dim, c.day, c.key
  -- A ticket that left a group and came back within one statement changes nothing there.
  HAVING sum(c.sign) <> 0 OR sum(c.sign * c.s1) <> 0 OR sum(c.sign * c.s2) <> 0 OR sum(c.sign * c.s3) <> 0 OR sum(c.sign * c.s4) <> 0;
END $$;--> statement-breakpoint
-- Moves the deltas committed so far into the base, one upsert per base row in key order. One folder at a
-- time: a second caller returns at once. Deltas committed while it runs stay for the next fold.
CREATE FUNCTION metric_rollup_fold() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  folded integer;
BEGIN
  IF NOT pg_try_advisory_xact_lock(7270017) THEN RETURN 0; END IF;
  WITH taken AS (DELETE FROM metric_rollup_delta RETURNING *)
  INSERT INTO metric_rollup AS m (figure, dim, day, key, n, s1, s2, s3, s4)
  SELECT figure, dim, day, key, sum(n), sum(s1), sum(s2), sum(s3), sum(s4)
  FROM taken
  GROUP BY figure, dim, day, key
  ORDER BY figure, dim, day, key
  ON CONFLICT (figure, dim, day, key) DO UPDATE SET
    n = m.n + excluded.n, s1 = m.s1 + excluded.s1, s2 = m.s2 + excluded.s2, s3 = m.s3 + excluded.s3, s4 = m.s4 + excluded.s4;
  GET DIAGNOSTICS folded = ROW_COUNT;
  RETURN folded;
END $$;--> statement-breakpoint
-- The rebuild locks out delta writers (they append under ROW EXCLUSIVE): it waits for those in flight to
-- commit, and holds new ones back until it commits. Each statement after the lock sees every change
-- committed before it, so no change is counted twice (as a delta and in the recomputed base) or lost.
CREATE OR REPLACE FUNCTION metric_rollup_rebuild(tz text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('work_mem', '256MB', true);
  LOCK TABLE metric_rollup_delta IN EXCLUSIVE MODE;
  DELETE FROM metric_rollup_delta;
  DELETE FROM metric_rollup;
  INSERT INTO metric_rollup_meta (id, time_zone) VALUES (1, tz) ON CONFLICT (id) DO UPDATE SET time_zone = excluded.time_zone;
  INSERT INTO metric_rollup (figure, dim, day, key, n, s1, s2, s3, s4)
  SELECT c.figure, c.dim, c.day, c.key, count(*), sum(c.s1), sum(c.s2), sum(c.s3), sum(c.s4)
  FROM tickets t CROSS JOIN LATERAL metric_contributions(t, tz) c
  GROUP BY c.figure, c.dim, c.day, c.key;
END $$;
