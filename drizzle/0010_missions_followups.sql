CREATE TABLE "mission_report_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mission_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "mission_surveys" ADD COLUMN "reminder_token_hash" text;--> statement-breakpoint
ALTER TABLE "missions" ADD COLUMN "agreement_text" text;--> statement-breakpoint
ALTER TABLE "mission_report_files" ADD CONSTRAINT "mission_report_files_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mission_report_files" ADD CONSTRAINT "mission_report_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mission_report_files_mission_idx" ON "mission_report_files" USING btree ("mission_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mission_surveys_reminder_token_idx" ON "mission_surveys" USING btree ("reminder_token_hash");