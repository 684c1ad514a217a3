ALTER TABLE "tickets" ADD COLUMN "first_response_business_seconds" integer;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "sla_first_response_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "sla_resolution_due_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "tickets_first_response_idx" ON "tickets" USING btree ("first_response_at") WHERE first_response_at is not null;--> statement-breakpoint
CREATE INDEX "tickets_last_solved_idx" ON "tickets" USING btree ("last_solved_at") WHERE last_solved_at is not null;--> statement-breakpoint
CREATE INDEX "tickets_csat_at_idx" ON "tickets" USING btree ("latest_csat_at") WHERE latest_csat_at is not null;--> statement-breakpoint
CREATE INDEX "tickets_sla_fr_due_idx" ON "tickets" USING btree ("sla_first_response_due_at") WHERE sla_first_response_due_at is not null;--> statement-breakpoint
CREATE INDEX "tickets_sla_res_due_idx" ON "tickets" USING btree ("sla_resolution_due_at") WHERE sla_resolution_due_at is not null;