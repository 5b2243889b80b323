CREATE TABLE "pool_members" (
	"agent_id" text PRIMARY KEY NOT NULL,
	"pool_id" text NOT NULL,
	"ref" text,
	"running" boolean NOT NULL,
	"restarts" integer DEFAULT 0 NOT NULL,
	"started_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "pool_samples" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"pool_id" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"size" integer NOT NULL,
	"awake" integer NOT NULL,
	"busy" integer NOT NULL,
	"backlog" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pools" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"capabilities" jsonb NOT NULL,
	"provider" text NOT NULL,
	"provider_settings" jsonb NOT NULL,
	"adapter" text NOT NULL,
	"agent_concurrency" integer NOT NULL,
	"min_size" integer NOT NULL,
	"max_size" integer NOT NULL,
	"target_backlog_per_agent" integer NOT NULL,
	"scale_up_cooldown_ms" integer NOT NULL,
	"scale_down_cooldown_ms" integer NOT NULL,
	"idle_timeout_ms" integer NOT NULL,
	"sleep_windows" jsonb NOT NULL,
	"enabled" boolean NOT NULL,
	"last_scale_up_at" timestamp with time zone,
	"last_scale_down_at" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scale_decisions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"pool_id" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"action" text NOT NULL,
	"delta" integer NOT NULL,
	"backlog" integer NOT NULL,
	"size" integer NOT NULL,
	"awake" integer NOT NULL,
	"reason" text NOT NULL,
	"inputs" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agents" ADD COLUMN "activity" text;--> statement-breakpoint
ALTER TABLE "agents" ADD COLUMN "activity_detail" text;--> statement-breakpoint
ALTER TABLE "agents" ADD COLUMN "activity_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "agents" ADD COLUMN "parked_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "agents" ADD COLUMN "session_id" text;--> statement-breakpoint
ALTER TABLE "agents" ADD COLUMN "pool_id" text;--> statement-breakpoint
ALTER TABLE "agents" ADD COLUMN "last_work_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "pool_members_pool_idx" ON "pool_members" USING btree ("pool_id");--> statement-breakpoint
CREATE INDEX "pool_samples_pool_idx" ON "pool_samples" USING btree ("pool_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "pools_name_uq" ON "pools" USING btree ("name");--> statement-breakpoint
CREATE INDEX "scale_decisions_pool_idx" ON "scale_decisions" USING btree ("pool_id","id");--> statement-breakpoint
CREATE INDEX "agents_pool_idx" ON "agents" USING btree ("pool_id");