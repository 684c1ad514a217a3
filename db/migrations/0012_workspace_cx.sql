CREATE TABLE "cx_tag_groups" (
	"key" text PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
-- hand-written below
-- The default CX tag groups (DESIGN.md), plus the group that history imports put unknown tags in.
INSERT INTO cx_tag_groups (key, label, description, position) VALUES
  ('pain_point', 'Pain point', 'What went wrong for the customer', 0),
  ('driver', 'Driver', 'What shaped the experience', 1),
  ('sentiment', 'Sentiment', 'How the customer felt', 2),
  ('imported', 'Imported', 'Tags that arrived with imported history', 3)
ON CONFLICT (key) DO NOTHING;
