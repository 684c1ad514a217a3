ALTER TABLE "teams" ADD COLUMN "auto_assign" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "last_auto_assigned_at" timestamp with time zone;