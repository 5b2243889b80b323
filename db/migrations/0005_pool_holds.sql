ALTER TABLE "pool_members" ADD COLUMN "last_exit" jsonb;--> statement-breakpoint
ALTER TABLE "pools" ADD COLUMN "time_zone" text DEFAULT 'UTC' NOT NULL;--> statement-breakpoint
ALTER TABLE "pools" ADD COLUMN "hold" jsonb;