CREATE TABLE "breaker_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"from_state" text NOT NULL,
	"to_state" text NOT NULL,
	"reason" text NOT NULL,
	"by" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "lease_expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "retry_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "breaker_events_key_idx" ON "breaker_events" USING btree ("key","id");--> statement-breakpoint
CREATE UNIQUE INDEX "task_attempts_one_success_uq" ON "task_attempts" USING btree ("task_id") WHERE status = 'succeeded';--> statement-breakpoint
CREATE INDEX "tasks_lease_idx" ON "tasks" USING btree ("lease_expires_at") WHERE status in ('assigned', 'running');--> statement-breakpoint
CREATE INDEX "tasks_retry_idx" ON "tasks" USING btree ("retry_at") WHERE status = 'retry-wait';