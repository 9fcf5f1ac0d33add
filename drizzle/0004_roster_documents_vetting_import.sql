CREATE TABLE "expert_document_contents" (
	"document_id" uuid PRIMARY KEY NOT NULL,
	"content" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "expert_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"sha256" text NOT NULL,
	"extraction" text NOT NULL,
	"extracted_text" text,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "expert_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"imported_by" uuid,
	"file_name" text NOT NULL,
	"sha256" text NOT NULL,
	"row_count" integer NOT NULL,
	"created_count" integer NOT NULL,
	"updated_count" integer NOT NULL,
	"unchanged_count" integer NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "expert_staff_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "expert_tags" (
	"user_id" uuid NOT NULL,
	"tag" text NOT NULL,
	"added_by" uuid,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "expert_tags_user_id_tag_pk" PRIMARY KEY("user_id","tag")
);
--> statement-breakpoint
CREATE TABLE "expert_vetting_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"outcome" text NOT NULL,
	"note" text,
	"checked_by" uuid,
	"checked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "expert_profiles" ADD COLUMN "origin" text DEFAULT 'registration' NOT NULL;--> statement-breakpoint
ALTER TABLE "expert_document_contents" ADD CONSTRAINT "expert_document_contents_document_id_expert_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."expert_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_documents" ADD CONSTRAINT "expert_documents_user_id_expert_profiles_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."expert_profiles"("user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_imports" ADD CONSTRAINT "expert_imports_imported_by_users_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_staff_notes" ADD CONSTRAINT "expert_staff_notes_user_id_expert_profiles_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."expert_profiles"("user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_staff_notes" ADD CONSTRAINT "expert_staff_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_tags" ADD CONSTRAINT "expert_tags_user_id_expert_profiles_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."expert_profiles"("user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_tags" ADD CONSTRAINT "expert_tags_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_vetting_checks" ADD CONSTRAINT "expert_vetting_checks_user_id_expert_profiles_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."expert_profiles"("user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_vetting_checks" ADD CONSTRAINT "expert_vetting_checks_checked_by_users_id_fk" FOREIGN KEY ("checked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "expert_documents_user_idx" ON "expert_documents" USING btree ("user_id","kind");--> statement-breakpoint
CREATE INDEX "expert_staff_notes_user_idx" ON "expert_staff_notes" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "expert_tags_tag_idx" ON "expert_tags" USING btree ("tag");--> statement-breakpoint
CREATE INDEX "expert_vetting_checks_user_idx" ON "expert_vetting_checks" USING btree ("user_id","subject","checked_at");