CREATE TABLE "agents" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"runtime" text NOT NULL,
	"capabilities" jsonb NOT NULL,
	"max_concurrency" integer NOT NULL,
	"labels" jsonb NOT NULL,
	"status" text NOT NULL,
	"token_hash" text NOT NULL,
	"context_window" integer,
	"context_used" integer,
	"load" real,
	"registered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_heartbeat_at" timestamp with time zone,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assignment_decisions" (
	"id" text PRIMARY KEY NOT NULL,
	"task_id" text NOT NULL,
	"attempt" integer NOT NULL,
	"strategy" text NOT NULL,
	"winner_agent_id" text NOT NULL,
	"winner_agent_name" text NOT NULL,
	"candidates" jsonb NOT NULL,
	"candidate_count" integer NOT NULL,
	"excluded" jsonb NOT NULL,
	"excluded_count" integer NOT NULL,
	"decided_at" timestamp with time zone NOT NULL,
	"duration_us" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_attempts" (
	"task_id" text NOT NULL,
	"attempt" integer NOT NULL,
	"agent_id" text NOT NULL,
	"lease_token" text NOT NULL,
	"status" text NOT NULL,
	"decision_id" text,
	"queued_at" timestamp with time zone NOT NULL,
	"assigned_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "task_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"task_id" text NOT NULL,
	"attempt" integer NOT NULL,
	"message" text NOT NULL,
	"percent" smallint,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" bigserial NOT NULL,
	"title" text NOT NULL,
	"payload" jsonb,
	"capabilities" jsonb NOT NULL,
	"priority" smallint NOT NULL,
	"status" text NOT NULL,
	"attempt" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer NOT NULL,
	"agent_id" text,
	"lease_token" text,
	"context_key" text,
	"idempotency_key" text,
	"timeout_ms" integer,
	"submitted_by" text,
	"result" jsonb,
	"error" text,
	"progress_percent" smallint,
	"progress_message" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"assigned_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"last_progress_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "metric_samples" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"queued" jsonb NOT NULL,
	"agents" jsonb NOT NULL,
	"succeeded" integer NOT NULL,
	"failed" integer NOT NULL,
	"dispatch_p95_ms" real
);
--> statement-breakpoint
ALTER TABLE "assignment_decisions" ADD CONSTRAINT "assignment_decisions_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_attempts" ADD CONSTRAINT "task_attempts_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_events" ADD CONSTRAINT "task_events_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "agents_name_uq" ON "agents" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "agents_token_hash_uq" ON "agents" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "agents_status_idx" ON "agents" USING btree ("status");--> statement-breakpoint
CREATE INDEX "assignment_decisions_task_idx" ON "assignment_decisions" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "assignment_decisions_decided_idx" ON "assignment_decisions" USING btree ("decided_at");--> statement-breakpoint
CREATE UNIQUE INDEX "task_attempts_task_attempt_uq" ON "task_attempts" USING btree ("task_id","attempt");--> statement-breakpoint
CREATE INDEX "task_attempts_assigned_idx" ON "task_attempts" USING btree ("assigned_at");--> statement-breakpoint
CREATE INDEX "task_events_task_idx" ON "task_events" USING btree ("task_id","id");--> statement-breakpoint
CREATE INDEX "tasks_queue_idx" ON "tasks" USING btree ("priority","queued_at","seq") WHERE status = 'queued';--> statement-breakpoint
CREATE INDEX "tasks_agent_active_idx" ON "tasks" USING btree ("agent_id") WHERE status in ('assigned', 'running');--> statement-breakpoint
CREATE INDEX "tasks_status_idx" ON "tasks" USING btree ("status");--> statement-breakpoint
CREATE INDEX "tasks_created_idx" ON "tasks" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "tasks_finished_idx" ON "tasks" USING btree ("finished_at") WHERE finished_at is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "tasks_idempotency_key_uq" ON "tasks" USING btree ("idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "api_tokens_name_uq" ON "api_tokens" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "api_tokens_hash_uq" ON "api_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_name_uq" ON "users" USING btree ("name");--> statement-breakpoint
CREATE INDEX "metric_samples_at_idx" ON "metric_samples" USING btree ("at");