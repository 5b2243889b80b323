-- Who acted is a structured value ({kind, id, name}) from now on. Older rows hold a name only:
-- it becomes the user or API token of that name when one exists, else the system loop it named.
CREATE FUNCTION pg_temp.actor_named(n text) RETURNS jsonb LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN n IS NULL THEN NULL ELSE coalesce(
    (SELECT jsonb_build_object('kind', 'user', 'id', u.id, 'name', u.name) FROM users u WHERE u.name = n LIMIT 1),
    (SELECT jsonb_build_object('kind', 'api-token', 'id', t.id, 'name', t.name) FROM api_tokens t WHERE t.name = n LIMIT 1),
    jsonb_build_object('kind', 'system', 'id', n, 'name', n)) END
$$;--> statement-breakpoint
CREATE TABLE "task_actions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"task_id" text NOT NULL,
	"action" text NOT NULL,
	"actor" jsonb NOT NULL,
	"detail" jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tasks" ALTER COLUMN "submitted_by" SET DATA TYPE jsonb USING pg_temp.actor_named("submitted_by");--> statement-breakpoint
ALTER TABLE "routing_changes" ALTER COLUMN "changed_by" SET DATA TYPE jsonb USING pg_temp.actor_named("changed_by");--> statement-breakpoint
ALTER TABLE "breaker_events" ALTER COLUMN "by" SET DATA TYPE jsonb USING pg_temp.actor_named("by");--> statement-breakpoint
ALTER TABLE "pools" ALTER COLUMN "created_by" SET DATA TYPE jsonb USING pg_temp.actor_named("created_by");--> statement-breakpoint
ALTER TABLE "scale_decisions" ADD COLUMN "actor" jsonb;--> statement-breakpoint
UPDATE "scale_decisions" SET "actor" = '{"kind":"system","id":"autoscaler","name":"autoscaler"}'::jsonb WHERE "action" NOT IN ('edit', 'enable', 'disable');--> statement-breakpoint
CREATE INDEX "task_actions_task_idx" ON "task_actions" USING btree ("task_id","id");--> statement-breakpoint
DROP FUNCTION pg_temp.actor_named(text);
