CREATE TABLE "founding_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"language" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"answered_pages" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"organisation_name" text,
	"statutes_version" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"finalised_at" timestamp with time zone,
	"finalised_by" uuid,
	"finalised_by_name" text,
	CONSTRAINT "founding_meetings_version_positive" CHECK ("founding_meetings"."version" >= 1),
	CONSTRAINT "founding_meetings_status" CHECK ("founding_meetings"."status" in ('draft', 'finalised')),
	CONSTRAINT "founding_meetings_language" CHECK ("founding_meetings"."language" in ('nb', 'nn')),
	CONSTRAINT "founding_meetings_finalised_complete" CHECK ("founding_meetings"."status" = 'draft' or ("founding_meetings"."finalised_at" is not null and "founding_meetings"."finalised_by_name" is not null and "founding_meetings"."organisation_name" is not null))
);
--> statement-breakpoint
ALTER TABLE "founding_meetings" ADD CONSTRAINT "founding_meetings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "founding_meetings" ADD CONSTRAINT "founding_meetings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "founding_meetings" ADD CONSTRAINT "founding_meetings_finalised_by_users_id_fk" FOREIGN KEY ("finalised_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "founding_meetings_org_version_unique" ON "founding_meetings" USING btree ("organisation_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "founding_meetings_one_draft" ON "founding_meetings" USING btree ("organisation_id") WHERE "founding_meetings"."status" = 'draft';