CREATE TABLE "expert_availability" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"on_site" boolean NOT NULL,
	"online" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "expert_education" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"degree" text NOT NULL,
	"field" text,
	"institution" text NOT NULL,
	"country" text,
	"year_completed" smallint,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "expert_experience" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"title" text NOT NULL,
	"employer" text NOT NULL,
	"country" text,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"description" text,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "expert_languages" (
	"user_id" uuid NOT NULL,
	"language" text NOT NULL,
	"level" text NOT NULL,
	CONSTRAINT "expert_languages_user_id_language_pk" PRIMARY KEY("user_id","language")
);
--> statement-breakpoint
CREATE TABLE "expert_profiles" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"name_ar" text,
	"gender" text DEFAULT 'undisclosed' NOT NULL,
	"birth_date" date,
	"phone" text,
	"nationalities" text[] DEFAULT '{}' NOT NULL,
	"residence_country" text,
	"residence_city" text,
	"origin_country" text,
	"occupation" text,
	"sectors" text[] DEFAULT '{}' NOT NULL,
	"preferred_regions" text[] DEFAULT '{}' NOT NULL,
	"headline" text,
	"summary" text,
	"vetting_status" text DEFAULT 'unvetted' NOT NULL,
	"confirmed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"stale_since" timestamp with time zone,
	"erased_at" timestamp with time zone,
	"name_keys" text[] DEFAULT '{}' NOT NULL,
	"search_vector" "tsvector",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "expert_skills" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"concept_id" text,
	"label" text NOT NULL,
	"source" text DEFAULT 'manual' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "saved_searches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"query" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "skill_concepts" (
	"id" text PRIMARY KEY NOT NULL,
	"labels" jsonb NOT NULL,
	"synonyms" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"sectors" text[] DEFAULT '{}' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "expert_availability" ADD CONSTRAINT "expert_availability_user_id_expert_profiles_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."expert_profiles"("user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_education" ADD CONSTRAINT "expert_education_user_id_expert_profiles_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."expert_profiles"("user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_experience" ADD CONSTRAINT "expert_experience_user_id_expert_profiles_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."expert_profiles"("user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_languages" ADD CONSTRAINT "expert_languages_user_id_expert_profiles_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."expert_profiles"("user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_profiles" ADD CONSTRAINT "expert_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_skills" ADD CONSTRAINT "expert_skills_user_id_expert_profiles_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."expert_profiles"("user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_searches" ADD CONSTRAINT "saved_searches_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "expert_availability_user_idx" ON "expert_availability" USING btree ("user_id","starts_on","ends_on");--> statement-breakpoint
CREATE INDEX "expert_education_user_idx" ON "expert_education" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "expert_experience_user_idx" ON "expert_experience" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "expert_languages_language_idx" ON "expert_languages" USING btree ("language","level");--> statement-breakpoint
CREATE INDEX "expert_profiles_search_idx" ON "expert_profiles" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "expert_profiles_name_keys_idx" ON "expert_profiles" USING gin ("name_keys");--> statement-breakpoint
CREATE INDEX "expert_profiles_sectors_idx" ON "expert_profiles" USING gin ("sectors");--> statement-breakpoint
CREATE INDEX "expert_profiles_residence_idx" ON "expert_profiles" USING btree ("residence_country");--> statement-breakpoint
CREATE INDEX "expert_skills_user_idx" ON "expert_skills" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "expert_skills_concept_idx" ON "expert_skills" USING btree ("concept_id");--> statement-breakpoint
CREATE UNIQUE INDEX "expert_skills_user_label_key" ON "expert_skills" USING btree ("user_id",lower("label"));--> statement-breakpoint
CREATE INDEX "saved_searches_user_idx" ON "saved_searches" USING btree ("user_id");