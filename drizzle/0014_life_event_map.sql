CREATE TABLE "life_event_map_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" integer NOT NULL,
	"base_number" integer NOT NULL,
	"content" jsonb NOT NULL,
	"change_note" text NOT NULL,
	"author_user_id" uuid,
	"author_name" text NOT NULL,
	"origin" text DEFAULT 'edit' NOT NULL,
	"proposal_ref" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "life_event_map_revisions_number_positive" CHECK ("life_event_map_revisions"."number" >= 1 and "life_event_map_revisions"."base_number" >= 0 and "life_event_map_revisions"."base_number" < "life_event_map_revisions"."number"),
	CONSTRAINT "life_event_map_revisions_proposal_ref" CHECK (("life_event_map_revisions"."origin" = 'proposal') = ("life_event_map_revisions"."proposal_ref" is not null))
);
--> statement-breakpoint
ALTER TABLE "life_event_map_revisions" ADD CONSTRAINT "life_event_map_revisions_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "life_event_map_revisions_number_unique" ON "life_event_map_revisions" USING btree ("number");