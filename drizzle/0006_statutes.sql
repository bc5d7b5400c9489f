CREATE TABLE "statutes_drafts" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"answers" jsonb NOT NULL,
	"answered_pages" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"prefill" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"language" text NOT NULL,
	"based_on_version" integer,
	"revision" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "statutes_drafts_language" CHECK ("statutes_drafts"."language" in ('nb', 'nn'))
);
--> statement-breakpoint
CREATE TABLE "statutes_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"language" text NOT NULL,
	"answers" jsonb NOT NULL,
	"text" text NOT NULL,
	"adopted_by" uuid,
	"adopted_by_name" text NOT NULL,
	"adopted_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "statutes_versions_version_positive" CHECK ("statutes_versions"."version" >= 1),
	CONSTRAINT "statutes_versions_language" CHECK ("statutes_versions"."language" in ('nb', 'nn'))
);
--> statement-breakpoint
ALTER TABLE "statutes_drafts" ADD CONSTRAINT "statutes_drafts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statutes_drafts" ADD CONSTRAINT "statutes_drafts_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statutes_versions" ADD CONSTRAINT "statutes_versions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statutes_versions" ADD CONSTRAINT "statutes_versions_adopted_by_users_id_fk" FOREIGN KEY ("adopted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "statutes_versions_org_version_unique" ON "statutes_versions" USING btree ("organisation_id","version");