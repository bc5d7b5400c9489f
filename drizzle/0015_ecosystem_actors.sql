CREATE TABLE "ecosystem_actor_people" (
	"actor_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ecosystem_actor_people_actor_id_user_id_pk" PRIMARY KEY("actor_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "ecosystem_actors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"ecosystem_role" text NOT NULL,
	"orgnr" text,
	"contact_email" text,
	"contact_phone" text,
	"contact_url" text,
	"mandate" text DEFAULT '' NOT NULL,
	"agreements" text DEFAULT '' NOT NULL,
	"supplier_sector" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ecosystem_actors_kind_check" CHECK ("ecosystem_actors"."kind" in ('state_agency', 'county', 'municipality', 'umbrella_body', 'voluntary_organisation', 'supplier', 'research')),
	CONSTRAINT "ecosystem_actors_role_check" CHECK ("ecosystem_actors"."ecosystem_role" in ('orchestrator', 'core_group', 'participant', 'observer')),
	CONSTRAINT "ecosystem_actors_supplier_sector" CHECK ("ecosystem_actors"."supplier_sector" is null or "ecosystem_actors"."kind" = 'supplier')
);
--> statement-breakpoint
CREATE TABLE "ecosystem_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"decided_on" date NOT NULL,
	"what" text NOT NULL,
	"why" text NOT NULL,
	"decided_by" text NOT NULL,
	"meeting_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ecosystem_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entity" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"action" text NOT NULL,
	"changes" jsonb NOT NULL,
	"actor_user_id" uuid,
	"actor_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ecosystem_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_date" date NOT NULL,
	"title" text NOT NULL,
	"agenda" text DEFAULT '' NOT NULL,
	"minutes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ecosystem_actor_people" ADD CONSTRAINT "ecosystem_actor_people_actor_id_ecosystem_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."ecosystem_actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ecosystem_actor_people" ADD CONSTRAINT "ecosystem_actor_people_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ecosystem_decisions" ADD CONSTRAINT "ecosystem_decisions_meeting_id_ecosystem_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."ecosystem_meetings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ecosystem_history" ADD CONSTRAINT "ecosystem_history_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ecosystem_actor_people_user_idx" ON "ecosystem_actor_people" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ecosystem_actors_name_unique" ON "ecosystem_actors" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "ecosystem_history_entity_idx" ON "ecosystem_history" USING btree ("entity","entity_id","created_at");