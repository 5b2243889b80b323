ALTER TABLE "metric_samples" ADD COLUMN "utilisation_mean" real;--> statement-breakpoint
ALTER TABLE "metric_samples" ADD COLUMN "routable_agents" integer DEFAULT 0 NOT NULL;