CREATE TABLE "metric_rollups" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"bucket_ms" integer NOT NULL,
	"samples" integer NOT NULL,
	"queued" jsonb NOT NULL,
	"agents" jsonb NOT NULL,
	"succeeded" integer NOT NULL,
	"failed" integer NOT NULL,
	"dispatch_p95_ms" real,
	"imbalance" real,
	"imbalance_samples" integer NOT NULL,
	"utilisation" json,
	"utilisation_mean" real,
	"routable_agents" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "metric_rollups_at_idx" ON "metric_rollups" USING btree ("at");