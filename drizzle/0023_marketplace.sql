CREATE TABLE "marketplace_challenges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"need_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"requirements" text NOT NULL,
	"deadline" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "marketplace_challenges_status_check" CHECK ("marketplace_challenges"."status" in ('open', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "marketplace_history" (
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
CREATE TABLE "marketplace_offering_stats" (
	"offering_id" uuid NOT NULL,
	"day" date NOT NULL,
	"views" integer DEFAULT 0 NOT NULL,
	"clicks" integer DEFAULT 0 NOT NULL,
	"suggestions" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "marketplace_offering_stats_offering_id_day_pk" PRIMARY KEY("offering_id","day")
);
--> statement-breakpoint
CREATE TABLE "marketplace_offerings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"supplier_actor_id" uuid NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"category" text NOT NULL,
	"phases" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"need_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"block_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"price_model" text NOT NULL,
	"price_text" text DEFAULT '' NOT NULL,
	"data_storage" text NOT NULL,
	"data_processor_agreement" boolean NOT NULL,
	"data_export" boolean NOT NULL,
	"url" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"rejection_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "marketplace_offerings_status_check" CHECK ("marketplace_offerings"."status" in ('draft', 'pending', 'approved', 'rejected')),
	CONSTRAINT "marketplace_offerings_https" CHECK ("marketplace_offerings"."url" like 'https://%')
);
--> statement-breakpoint
CREATE TABLE "marketplace_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"challenge_id" uuid NOT NULL,
	"actor_id" uuid NOT NULL,
	"summary" text NOT NULL,
	"approach" text NOT NULL,
	"block_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"price_indication" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"initiative_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "marketplace_proposals_status_check" CHECK ("marketplace_proposals"."status" in ('submitted', 'accepted'))
);
--> statement-breakpoint
CREATE TABLE "marketplace_suggestions_seen" (
	"offering_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"first_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "marketplace_suggestions_seen_offering_id_organisation_id_pk" PRIMARY KEY("offering_id","organisation_id")
);
--> statement-breakpoint
ALTER TABLE "marketplace_challenges" ADD CONSTRAINT "marketplace_challenges_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketplace_history" ADD CONSTRAINT "marketplace_history_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketplace_offering_stats" ADD CONSTRAINT "marketplace_offering_stats_offering_id_marketplace_offerings_id_fk" FOREIGN KEY ("offering_id") REFERENCES "public"."marketplace_offerings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketplace_offerings" ADD CONSTRAINT "marketplace_offerings_supplier_actor_id_ecosystem_actors_id_fk" FOREIGN KEY ("supplier_actor_id") REFERENCES "public"."ecosystem_actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketplace_offerings" ADD CONSTRAINT "marketplace_offerings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketplace_proposals" ADD CONSTRAINT "marketplace_proposals_challenge_id_marketplace_challenges_id_fk" FOREIGN KEY ("challenge_id") REFERENCES "public"."marketplace_challenges"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketplace_proposals" ADD CONSTRAINT "marketplace_proposals_actor_id_ecosystem_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."ecosystem_actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketplace_proposals" ADD CONSTRAINT "marketplace_proposals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketplace_suggestions_seen" ADD CONSTRAINT "marketplace_suggestions_seen_offering_id_marketplace_offerings_id_fk" FOREIGN KEY ("offering_id") REFERENCES "public"."marketplace_offerings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketplace_suggestions_seen" ADD CONSTRAINT "marketplace_suggestions_seen_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "marketplace_history_entity_idx" ON "marketplace_history" USING btree ("entity","entity_id","created_at");--> statement-breakpoint
CREATE INDEX "marketplace_offerings_status_idx" ON "marketplace_offerings" USING btree ("status");--> statement-breakpoint
CREATE INDEX "marketplace_offerings_supplier_idx" ON "marketplace_offerings" USING btree ("supplier_actor_id");--> statement-breakpoint
CREATE INDEX "marketplace_proposals_challenge_idx" ON "marketplace_proposals" USING btree ("challenge_id");