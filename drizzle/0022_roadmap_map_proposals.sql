CREATE TABLE "life_event_map_proposal_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"action" text NOT NULL,
	"changes" jsonb NOT NULL,
	"actor_user_id" uuid,
	"actor_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "life_event_map_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" serial NOT NULL,
	"target_kind" text NOT NULL,
	"phase_slug" text NOT NULL,
	"task_id" text,
	"what" text NOT NULL,
	"why" text NOT NULL,
	"evidence" text DEFAULT '' NOT NULL,
	"fields" jsonb NOT NULL,
	"base_texts" jsonb NOT NULL,
	"base_revision" integer NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"decision_reason" text DEFAULT '' NOT NULL,
	"decided_by_name" text,
	"decided_at" timestamp with time zone,
	"revision_number" integer,
	"proposer_user_id" uuid,
	"proposer_name" text NOT NULL,
	"on_behalf_actor_id" uuid,
	"on_behalf_organisation_id" uuid,
	"on_behalf_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "life_event_map_proposals_task" CHECK (("life_event_map_proposals"."target_kind" = 'task') = ("life_event_map_proposals"."task_id" is not null)),
	CONSTRAINT "life_event_map_proposals_reason" CHECK ("life_event_map_proposals"."status" <> 'rejected' or length(trim("life_event_map_proposals"."decision_reason")) > 0),
	CONSTRAINT "life_event_map_proposals_revision" CHECK (("life_event_map_proposals"."status" = 'accepted') = ("life_event_map_proposals"."revision_number" is not null))
);
--> statement-breakpoint
CREATE TABLE "roadmap_item_blocks" (
	"item_id" uuid NOT NULL,
	"block_id" uuid NOT NULL,
	CONSTRAINT "roadmap_item_blocks_item_id_block_id_pk" PRIMARY KEY("item_id","block_id")
);
--> statement-breakpoint
CREATE TABLE "roadmap_item_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"action" text NOT NULL,
	"changes" jsonb NOT NULL,
	"actor_user_id" uuid,
	"actor_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "roadmap_item_needs" (
	"item_id" uuid NOT NULL,
	"need_id" uuid NOT NULL,
	CONSTRAINT "roadmap_item_needs_item_id_need_id_pk" PRIMARY KEY("item_id","need_id")
);
--> statement-breakpoint
CREATE TABLE "roadmap_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"phases" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"gains" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"owner_actor_id" uuid,
	"target" text NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"status_reason" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "roadmap_items_reason" CHECK ("roadmap_items"."status" not in ('postponed', 'stopped') or length(trim("roadmap_items"."status_reason")) > 0),
	CONSTRAINT "roadmap_items_version_positive" CHECK ("roadmap_items"."version" >= 1)
);
--> statement-breakpoint
ALTER TABLE "life_event_map_proposal_history" ADD CONSTRAINT "life_event_map_proposal_history_proposal_id_life_event_map_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."life_event_map_proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "life_event_map_proposal_history" ADD CONSTRAINT "life_event_map_proposal_history_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "life_event_map_proposals" ADD CONSTRAINT "life_event_map_proposals_proposer_user_id_users_id_fk" FOREIGN KEY ("proposer_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "life_event_map_proposals" ADD CONSTRAINT "life_event_map_proposals_on_behalf_actor_id_ecosystem_actors_id_fk" FOREIGN KEY ("on_behalf_actor_id") REFERENCES "public"."ecosystem_actors"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "life_event_map_proposals" ADD CONSTRAINT "life_event_map_proposals_on_behalf_organisation_id_organisations_id_fk" FOREIGN KEY ("on_behalf_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_item_blocks" ADD CONSTRAINT "roadmap_item_blocks_item_id_roadmap_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."roadmap_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_item_blocks" ADD CONSTRAINT "roadmap_item_blocks_block_id_building_blocks_id_fk" FOREIGN KEY ("block_id") REFERENCES "public"."building_blocks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_item_history" ADD CONSTRAINT "roadmap_item_history_item_id_roadmap_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."roadmap_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_item_history" ADD CONSTRAINT "roadmap_item_history_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_item_needs" ADD CONSTRAINT "roadmap_item_needs_item_id_roadmap_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."roadmap_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_item_needs" ADD CONSTRAINT "roadmap_item_needs_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_items" ADD CONSTRAINT "roadmap_items_owner_actor_id_ecosystem_actors_id_fk" FOREIGN KEY ("owner_actor_id") REFERENCES "public"."ecosystem_actors"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_items" ADD CONSTRAINT "roadmap_items_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "life_event_map_proposal_history_idx" ON "life_event_map_proposal_history" USING btree ("proposal_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "life_event_map_proposals_number_unique" ON "life_event_map_proposals" USING btree ("number");--> statement-breakpoint
CREATE INDEX "life_event_map_proposals_status_idx" ON "life_event_map_proposals" USING btree ("status");--> statement-breakpoint
CREATE INDEX "roadmap_item_history_item_idx" ON "roadmap_item_history" USING btree ("item_id","created_at");--> statement-breakpoint
CREATE INDEX "roadmap_items_status_idx" ON "roadmap_items" USING btree ("status");