CREATE TABLE "building_block_needs" (
	"block_id" uuid NOT NULL,
	"need_id" uuid NOT NULL,
	CONSTRAINT "building_block_needs_block_id_need_id_pk" PRIMARY KEY("block_id","need_id")
);
--> statement-breakpoint
CREATE TABLE "building_blocks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"realisation" text NOT NULL,
	"phases" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"owner_actor_id" uuid,
	"status" text NOT NULL,
	"documentation_url" text,
	"api_description" text DEFAULT '' NOT NULL,
	"lists_own_api" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "need_confirmations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"need_id" uuid NOT NULL,
	"organisation_id" uuid,
	"actor_id" uuid,
	"evidence" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "need_confirmations_one_owner" CHECK (("need_confirmations"."organisation_id" is null) <> ("need_confirmations"."actor_id" is null))
);
--> statement-breakpoint
CREATE TABLE "need_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"need_id" uuid NOT NULL,
	"action" text NOT NULL,
	"changes" jsonb NOT NULL,
	"actor_user_id" uuid,
	"actor_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "needs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"phase" integer NOT NULL,
	"frequency" text NOT NULL,
	"evidence" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"organisation_id" uuid,
	"actor_id" uuid,
	"duplicate_of_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "needs_phase_check" CHECK ("needs"."phase" between 1 and 6),
	CONSTRAINT "needs_one_owner" CHECK (("needs"."organisation_id" is null) <> ("needs"."actor_id" is null)),
	CONSTRAINT "needs_not_own_duplicate" CHECK ("needs"."duplicate_of_id" is null or "needs"."duplicate_of_id" <> "needs"."id")
);
--> statement-breakpoint
ALTER TABLE "building_block_needs" ADD CONSTRAINT "building_block_needs_block_id_building_blocks_id_fk" FOREIGN KEY ("block_id") REFERENCES "public"."building_blocks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "building_block_needs" ADD CONSTRAINT "building_block_needs_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "building_blocks" ADD CONSTRAINT "building_blocks_owner_actor_id_ecosystem_actors_id_fk" FOREIGN KEY ("owner_actor_id") REFERENCES "public"."ecosystem_actors"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_confirmations" ADD CONSTRAINT "need_confirmations_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_confirmations" ADD CONSTRAINT "need_confirmations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_confirmations" ADD CONSTRAINT "need_confirmations_actor_id_ecosystem_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."ecosystem_actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_confirmations" ADD CONSTRAINT "need_confirmations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_history" ADD CONSTRAINT "need_history_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_history" ADD CONSTRAINT "need_history_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_actor_id_ecosystem_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."ecosystem_actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_duplicate_of_id_needs_id_fk" FOREIGN KEY ("duplicate_of_id") REFERENCES "public"."needs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "building_block_needs_need_idx" ON "building_block_needs" USING btree ("need_id");--> statement-breakpoint
CREATE UNIQUE INDEX "building_blocks_slug_unique" ON "building_blocks" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "need_confirmations_org_unique" ON "need_confirmations" USING btree ("need_id","organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "need_confirmations_actor_unique" ON "need_confirmations" USING btree ("need_id","actor_id");--> statement-breakpoint
CREATE INDEX "need_history_need_idx" ON "need_history" USING btree ("need_id","created_at");--> statement-breakpoint
CREATE INDEX "needs_phase_idx" ON "needs" USING btree ("phase","status");--> statement-breakpoint
CREATE INDEX "needs_duplicate_idx" ON "needs" USING btree ("duplicate_of_id");