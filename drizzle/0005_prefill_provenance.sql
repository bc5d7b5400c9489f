CREATE TABLE "form_field_provenance" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"user_id" uuid,
	"submission_id" uuid NOT NULL,
	"form" text NOT NULL,
	"field" text NOT NULL,
	"outcome" text NOT NULL,
	"source" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "form_field_provenance_source_matches_outcome" CHECK (("form_field_provenance"."outcome" = 'typed') = ("form_field_provenance"."source" is null))
);
--> statement-breakpoint
ALTER TABLE "form_field_provenance" ADD CONSTRAINT "form_field_provenance_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_field_provenance" ADD CONSTRAINT "form_field_provenance_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "form_field_provenance_org_idx" ON "form_field_provenance" USING btree ("organisation_id","form");--> statement-breakpoint
CREATE INDEX "form_field_provenance_created_idx" ON "form_field_provenance" USING btree ("created_at");