CREATE TABLE "routing_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"scope" text NOT NULL,
	"strategy" text NOT NULL,
	"weights" json NOT NULL,
	"changed_by" text NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "metric_samples" ADD COLUMN "imbalance" real;--> statement-breakpoint
ALTER TABLE "metric_samples" ADD COLUMN "utilisation" json;--> statement-breakpoint
CREATE INDEX "routing_changes_scope_idx" ON "routing_changes" USING btree ("scope","id");