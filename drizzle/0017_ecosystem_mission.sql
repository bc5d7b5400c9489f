CREATE TABLE "ecosystem_mission_signatures" (
	"actor_id" uuid PRIMARY KEY NOT NULL,
	"signed_by_user_id" uuid,
	"signed_by_name" text NOT NULL,
	"version_number" integer NOT NULL,
	"signed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ecosystem_mission_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" integer NOT NULL,
	"narrative" text NOT NULL,
	"principles" jsonb NOT NULL,
	"change_note" text NOT NULL,
	"author_user_id" uuid,
	"author_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ecosystem_mission_versions_number_positive" CHECK ("ecosystem_mission_versions"."number" >= 1)
);
--> statement-breakpoint
ALTER TABLE "ecosystem_mission_signatures" ADD CONSTRAINT "ecosystem_mission_signatures_actor_id_ecosystem_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."ecosystem_actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ecosystem_mission_signatures" ADD CONSTRAINT "ecosystem_mission_signatures_signed_by_user_id_users_id_fk" FOREIGN KEY ("signed_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ecosystem_mission_versions" ADD CONSTRAINT "ecosystem_mission_versions_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ecosystem_mission_versions_number_unique" ON "ecosystem_mission_versions" USING btree ("number");