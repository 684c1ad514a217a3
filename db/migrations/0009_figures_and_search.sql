DROP INDEX "tickets_subject_fts_idx";--> statement-breakpoint
DROP INDEX "messages_body_fts_idx";--> statement-breakpoint
-- Search vectors and the figure values are derived once on write, in one rewrite per table: a search never
-- re-parses text per row, and each figure can sit in a covering index.
ALTER TABLE "tickets"
  ADD COLUMN "subject_tsv" "tsvector" GENERATED ALWAYS AS (to_tsvector('english', subject)) STORED,
  ADD COLUMN "frt_seconds" integer GENERATED ALWAYS AS (floor(date_part('epoch', first_response_at - clock_started_at))::integer) STORED,
  ADD COLUMN "first_resolution_seconds" integer GENERATED ALWAYS AS (floor(date_part('epoch', first_solved_at - created_at))::integer) STORED,
  ADD COLUMN "full_resolution_seconds" integer GENERATED ALWAYS AS (floor(date_part('epoch', last_solved_at - created_at))::integer) STORED,
  ADD COLUMN "sla_fr_at" timestamp with time zone GENERATED ALWAYS AS (case when sla_first_response_due_at is not null then least(first_response_at, first_solved_at, sla_first_response_due_at) end) STORED,
  ADD COLUMN "sla_fr_met" boolean GENERATED ALWAYS AS (coalesce(least(first_response_at, first_solved_at) <= sla_first_response_due_at, false)) STORED,
  ADD COLUMN "sla_res_at" timestamp with time zone GENERATED ALWAYS AS (case when sla_resolution_due_at is not null then least(first_solved_at, sla_resolution_due_at) end) STORED,
  ADD COLUMN "sla_res_met" boolean GENERATED ALWAYS AS (coalesce(first_solved_at <= sla_resolution_due_at, false)) STORED;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "body_tsv" "tsvector" GENERATED ALWAYS AS (to_tsvector('english', body)) STORED;--> statement-breakpoint
CREATE INDEX "tickets_subject_tsv_idx" ON "tickets" USING gin ("subject_tsv");--> statement-breakpoint
CREATE INDEX "messages_body_tsv_idx" ON "messages" USING gin ("body_tsv");--> statement-breakpoint
-- Covering indexes for the aggregates (server/queries/metrics): one per event time a figure is counted by,
-- holding its values and the group/filter columns, so every figure is an index-only range scan. Drizzle
-- cannot declare INCLUDE, so they live here and not in db/schema.
CREATE INDEX "tickets_fig_created_idx" ON "tickets" USING btree ("created_at") INCLUDE ("assignee_id", "team_id", "journey_stage", "touchpoint", "channel", "priority") WHERE "merged_into_id" IS NULL;--> statement-breakpoint
CREATE INDEX "tickets_fig_first_response_idx" ON "tickets" USING btree ("first_response_at") INCLUDE ("frt_seconds", "first_response_business_seconds", "assignee_id", "team_id", "journey_stage", "touchpoint", "channel", "priority") WHERE "merged_into_id" IS NULL AND "first_response_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "tickets_fig_first_solved_idx" ON "tickets" USING btree ("first_solved_at") INCLUDE ("first_resolution_seconds", "fcr", "reopen_count", "replies_before_first_solve", "assignee_id", "team_id", "journey_stage", "touchpoint", "channel", "priority") WHERE "merged_into_id" IS NULL AND "first_solved_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "tickets_fig_last_solved_idx" ON "tickets" USING btree ("last_solved_at") INCLUDE ("full_resolution_seconds", "assignee_id", "team_id", "journey_stage", "touchpoint", "channel", "priority") WHERE "merged_into_id" IS NULL AND "last_solved_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "tickets_fig_csat_idx" ON "tickets" USING btree ("latest_csat_at") INCLUDE ("latest_csat_score", "assignee_id", "team_id", "journey_stage", "touchpoint", "channel", "priority") WHERE "merged_into_id" IS NULL AND "latest_csat_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "tickets_fig_sla_fr_idx" ON "tickets" USING btree ("sla_fr_at") INCLUDE ("sla_fr_met", "assignee_id", "team_id", "journey_stage", "touchpoint", "channel", "priority") WHERE "merged_into_id" IS NULL AND "sla_fr_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "tickets_fig_sla_res_idx" ON "tickets" USING btree ("sla_res_at") INCLUDE ("sla_res_met", "assignee_id", "team_id", "journey_stage", "touchpoint", "channel", "priority") WHERE "merged_into_id" IS NULL AND "sla_res_at" IS NOT NULL;
