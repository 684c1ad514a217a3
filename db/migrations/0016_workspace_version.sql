CREATE TABLE "workspace_version" (
	"id" integer PRIMARY KEY NOT NULL,
	"version" bigint NOT NULL
);
--> statement-breakpoint
INSERT INTO "workspace_version" ("id", "version") VALUES (1, 1);
--> statement-breakpoint
-- Once per statement, in the statement's transaction: processes that cache these tables see the change at their
-- next request, and a rolled-back change leaves the version as it was.
CREATE FUNCTION "bump_workspace_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "workspace_version" SET "version" = "version" + 1 WHERE "id" = 1;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "journey_stages_workspace_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "journey_stages" FOR EACH STATEMENT EXECUTE FUNCTION "bump_workspace_version"();
--> statement-breakpoint
CREATE TRIGGER "touchpoints_workspace_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "touchpoints" FOR EACH STATEMENT EXECUTE FUNCTION "bump_workspace_version"();
--> statement-breakpoint
CREATE TRIGGER "cx_tag_groups_workspace_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "cx_tag_groups" FOR EACH STATEMENT EXECUTE FUNCTION "bump_workspace_version"();
--> statement-breakpoint
CREATE TRIGGER "cx_tags_workspace_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "cx_tags" FOR EACH STATEMENT EXECUTE FUNCTION "bump_workspace_version"();
--> statement-breakpoint
CREATE TRIGGER "teams_workspace_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "teams" FOR EACH STATEMENT EXECUTE FUNCTION "bump_workspace_version"();
--> statement-breakpoint
CREATE TRIGGER "macros_workspace_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "macros" FOR EACH STATEMENT EXECUTE FUNCTION "bump_workspace_version"();
--> statement-breakpoint
-- Staff change often (availability, round-robin turns): only what the cached lists show counts.
CREATE TRIGGER "users_workspace_version" AFTER INSERT OR DELETE OR TRUNCATE ON "users" FOR EACH STATEMENT EXECUTE FUNCTION "bump_workspace_version"();
--> statement-breakpoint
CREATE TRIGGER "users_listed_workspace_version" AFTER UPDATE OF "name", "email", "role", "team_id", "deactivated_at" ON "users" FOR EACH STATEMENT EXECUTE FUNCTION "bump_workspace_version"();
