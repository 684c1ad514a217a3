ALTER TABLE "outbound_emails" ADD COLUMN "hidden_links" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Mail written before this migration still shows live links to admins: mask them now, as new mail is.
UPDATE "outbound_emails"
SET "hidden_links" = (SELECT count(*) FROM regexp_matches("body", '/portal/(track|rate|reset|verify)/[A-Za-z0-9_-]+', 'g')),
    "body" = regexp_replace("body", '/portal/(track|rate|reset|verify)/[A-Za-z0-9_-]+', '/portal/\1/[hidden]', 'g')
WHERE "body" ~ '/portal/(track|rate|reset|verify)/[A-Za-z0-9_-]+';
