CREATE TABLE "allocation_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assignment_ids" uuid[] NOT NULL,
	"locked" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"excluded" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"expert_capacity" integer DEFAULT 1 NOT NULL,
	"proposal" jsonb NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"accepted" jsonb,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"accepted_by" uuid,
	"accepted_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "matching_weights" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "allocation_rounds" ADD CONSTRAINT "allocation_rounds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_rounds" ADD CONSTRAINT "allocation_rounds_accepted_by_users_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "allocation_rounds_created_idx" ON "allocation_rounds" USING btree ("created_at");