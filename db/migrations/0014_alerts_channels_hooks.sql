CREATE TABLE "alert_rules" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"builtin" boolean DEFAULT false NOT NULL,
	"metric" text NOT NULL,
	"filters" jsonb NOT NULL,
	"comparison" text NOT NULL,
	"threshold" double precision NOT NULL,
	"for_ms" integer NOT NULL,
	"severity" text NOT NULL,
	"labels" jsonb NOT NULL,
	"summary" text NOT NULL,
	"group_by" jsonb NOT NULL,
	"params" jsonb NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_by" jsonb,
	"updated_by" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alert_transitions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"alert_id" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"actor" jsonb NOT NULL,
	"reason" text NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "alerts" (
	"id" text PRIMARY KEY NOT NULL,
	"fingerprint" text NOT NULL,
	"rule_id" text NOT NULL,
	"rule_name" text NOT NULL,
	"state" text NOT NULL,
	"severity" text NOT NULL,
	"labels" jsonb NOT NULL,
	"summary" text NOT NULL,
	"value" double precision,
	"group_key" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"firing_at" timestamp with time zone,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" jsonb,
	"assignee" text,
	"resolved_at" timestamp with time zone,
	"clear_since" timestamp with time zone,
	"silenced_by" text,
	"inhibited_by" text,
	"last_evaluated_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "silences" (
	"id" text PRIMARY KEY NOT NULL,
	"matchers" jsonb NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"created_by" jsonb NOT NULL,
	"comment" text NOT NULL,
	"expired_by" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "channels" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"url" text NOT NULL,
	"secret" text NOT NULL,
	"severities" jsonb NOT NULL,
	"matchers" jsonb NOT NULL,
	"repeat_interval_ms" integer NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_by" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deliveries" (
	"id" text PRIMARY KEY NOT NULL,
	"target_kind" text NOT NULL,
	"target_id" text NOT NULL,
	"subject" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"event_name" text NOT NULL,
	"event_position" bigint,
	"body" text NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"last_attempt_at" timestamp with time zone,
	"response_status" integer,
	"latency_ms" integer,
	"response_excerpt" text,
	"error" text,
	"replay_of" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hooks" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"url" text NOT NULL,
	"secret" text NOT NULL,
	"patterns" jsonb NOT NULL,
	"timeout_ms" integer NOT NULL,
	"fail_mode" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_by" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification_groups" (
	"channel_id" text NOT NULL,
	"group_key" text NOT NULL,
	"last_fingerprints" jsonb NOT NULL,
	"last_sent_at" timestamp with time zone NOT NULL,
	"resolved" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "alert_rules_name_uq" ON "alert_rules" USING btree ("name");--> statement-breakpoint
CREATE INDEX "alert_transitions_alert_idx" ON "alert_transitions" USING btree ("alert_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "alerts_open_fingerprint_uq" ON "alerts" USING btree ("fingerprint") WHERE state <> 'resolved';--> statement-breakpoint
CREATE INDEX "alerts_state_idx" ON "alerts" USING btree ("state","starts_at");--> statement-breakpoint
CREATE INDEX "alerts_group_idx" ON "alerts" USING btree ("group_key");--> statement-breakpoint
CREATE INDEX "silences_ends_idx" ON "silences" USING btree ("ends_at");--> statement-breakpoint
CREATE UNIQUE INDEX "channels_name_uq" ON "channels" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "deliveries_dedupe_uq" ON "deliveries" USING btree ("target_kind","target_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "deliveries_due_idx" ON "deliveries" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "deliveries_target_idx" ON "deliveries" USING btree ("target_id","created_at");--> statement-breakpoint
CREATE INDEX "deliveries_subject_idx" ON "deliveries" USING btree ("target_id","subject","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "hooks_name_uq" ON "hooks" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "notification_groups_pk" ON "notification_groups" USING btree ("channel_id","group_key");