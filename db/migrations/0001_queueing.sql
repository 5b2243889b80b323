CREATE TABLE "project_shares" (
	"project" text PRIMARY KEY NOT NULL,
	"last_start" double precision NOT NULL,
	"finish" double precision NOT NULL
);
--> statement-breakpoint
DROP INDEX "tasks_queue_idx";--> statement-breakpoint
ALTER TABLE "assignment_decisions" ALTER COLUMN "candidates" SET DATA TYPE json USING "candidates"::json;--> statement-breakpoint
ALTER TABLE "assignment_decisions" ALTER COLUMN "excluded" SET DATA TYPE json USING "excluded"::json;--> statement-breakpoint
ALTER TABLE "assignment_decisions" ADD COLUMN "weights" json;--> statement-breakpoint
ALTER TABLE "assignment_decisions" ADD COLUMN "inputs" json;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "project" text DEFAULT 'default' NOT NULL;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "concurrency_key" text;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "concurrency_limit" integer;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "depends_on" text[];--> statement-breakpoint
CREATE INDEX "tasks_concurrency_active_idx" ON "tasks" USING btree ("concurrency_key") WHERE status in ('assigned', 'running') and concurrency_key is not null;--> statement-breakpoint
CREATE INDEX "tasks_blocked_deps_idx" ON "tasks" USING gin ("depends_on") WHERE status = 'blocked';--> statement-breakpoint
CREATE INDEX "tasks_queue_idx" ON "tasks" USING btree ("project","priority","queued_at","seq") WHERE status = 'queued';