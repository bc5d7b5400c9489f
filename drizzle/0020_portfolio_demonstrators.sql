CREATE TABLE "demonstrator_experiments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"hypothesis" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"metrics" jsonb NOT NULL,
	"results" text DEFAULT '' NOT NULL,
	"learning" text DEFAULT '' NOT NULL,
	"decision" text,
	"decision_reason" text,
	"decided_at" timestamp with time zone,
	"owner_user_id" uuid,
	"owner_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "demonstrator_experiments_period" CHECK ("demonstrator_experiments"."end_date" >= "demonstrator_experiments"."start_date"),
	CONSTRAINT "demonstrator_experiments_decision_check" CHECK ("demonstrator_experiments"."decision" is null or "demonstrator_experiments"."decision" in ('scale', 'adjust', 'stop'))
);
--> statement-breakpoint
CREATE TABLE "demonstrator_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"experiment_id" uuid NOT NULL,
	"action" text NOT NULL,
	"changes" jsonb NOT NULL,
	"actor_user_id" uuid,
	"actor_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "demonstrator_participants" (
	"experiment_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"opted_in_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "demonstrator_participants_experiment_id_organisation_id_pk" PRIMARY KEY("experiment_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "demonstrator_survey_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"user_id" uuid,
	"answers" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "demonstrator_surveys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"experiment_id" uuid NOT NULL,
	"title" text NOT NULL,
	"questions" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portfolio_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"user_id" uuid,
	"author_name" text NOT NULL,
	"affiliation" text DEFAULT '' NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portfolio_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"action" text NOT NULL,
	"changes" jsonb NOT NULL,
	"actor_user_id" uuid,
	"actor_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portfolio_initiative_actors" (
	"initiative_id" uuid NOT NULL,
	"actor_id" uuid NOT NULL,
	CONSTRAINT "portfolio_initiative_actors_initiative_id_actor_id_pk" PRIMARY KEY("initiative_id","actor_id")
);
--> statement-breakpoint
CREATE TABLE "portfolio_initiative_needs" (
	"initiative_id" uuid NOT NULL,
	"need_id" uuid NOT NULL,
	CONSTRAINT "portfolio_initiative_needs_initiative_id_need_id_pk" PRIMARY KEY("initiative_id","need_id")
);
--> statement-breakpoint
CREATE TABLE "portfolio_initiatives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"phases" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"gains" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"stage" text DEFAULT 'idea' NOT NULL,
	"stop_reason" text,
	"owner_actor_id" uuid,
	"origin" text NOT NULL,
	"origin_ref" text,
	"proposed_by_user_id" uuid,
	"proposed_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "portfolio_initiatives_kind_check" CHECK ("portfolio_initiatives"."kind" in ('need', 'idea', 'solution')),
	CONSTRAINT "portfolio_initiatives_stage_check" CHECK ("portfolio_initiatives"."stage" in ('idea', 'exploration', 'demonstrator', 'scaling', 'stopped')),
	CONSTRAINT "portfolio_initiatives_stop_reason" CHECK (("portfolio_initiatives"."stage" = 'stopped') = ("portfolio_initiatives"."stop_reason" is not null and length(trim("portfolio_initiatives"."stop_reason")) > 0))
);
--> statement-breakpoint
CREATE TABLE "portfolio_supports" (
	"initiative_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "portfolio_supports_initiative_id_user_id_pk" PRIMARY KEY("initiative_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "demonstrator_experiments" ADD CONSTRAINT "demonstrator_experiments_initiative_id_portfolio_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."portfolio_initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demonstrator_experiments" ADD CONSTRAINT "demonstrator_experiments_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demonstrator_history" ADD CONSTRAINT "demonstrator_history_experiment_id_demonstrator_experiments_id_fk" FOREIGN KEY ("experiment_id") REFERENCES "public"."demonstrator_experiments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demonstrator_history" ADD CONSTRAINT "demonstrator_history_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demonstrator_participants" ADD CONSTRAINT "demonstrator_participants_experiment_id_demonstrator_experiments_id_fk" FOREIGN KEY ("experiment_id") REFERENCES "public"."demonstrator_experiments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demonstrator_participants" ADD CONSTRAINT "demonstrator_participants_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demonstrator_participants" ADD CONSTRAINT "demonstrator_participants_opted_in_by_user_id_users_id_fk" FOREIGN KEY ("opted_in_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demonstrator_survey_responses" ADD CONSTRAINT "demonstrator_survey_responses_survey_id_demonstrator_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."demonstrator_surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demonstrator_survey_responses" ADD CONSTRAINT "demonstrator_survey_responses_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demonstrator_survey_responses" ADD CONSTRAINT "demonstrator_survey_responses_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demonstrator_surveys" ADD CONSTRAINT "demonstrator_surveys_experiment_id_demonstrator_experiments_id_fk" FOREIGN KEY ("experiment_id") REFERENCES "public"."demonstrator_experiments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_comments" ADD CONSTRAINT "portfolio_comments_initiative_id_portfolio_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."portfolio_initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_comments" ADD CONSTRAINT "portfolio_comments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_history" ADD CONSTRAINT "portfolio_history_initiative_id_portfolio_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."portfolio_initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_history" ADD CONSTRAINT "portfolio_history_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_initiative_actors" ADD CONSTRAINT "portfolio_initiative_actors_initiative_id_portfolio_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."portfolio_initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_initiative_actors" ADD CONSTRAINT "portfolio_initiative_actors_actor_id_ecosystem_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."ecosystem_actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_initiative_needs" ADD CONSTRAINT "portfolio_initiative_needs_initiative_id_portfolio_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."portfolio_initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_initiative_needs" ADD CONSTRAINT "portfolio_initiative_needs_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_initiatives" ADD CONSTRAINT "portfolio_initiatives_owner_actor_id_ecosystem_actors_id_fk" FOREIGN KEY ("owner_actor_id") REFERENCES "public"."ecosystem_actors"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_initiatives" ADD CONSTRAINT "portfolio_initiatives_proposed_by_user_id_users_id_fk" FOREIGN KEY ("proposed_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_supports" ADD CONSTRAINT "portfolio_supports_initiative_id_portfolio_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."portfolio_initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_supports" ADD CONSTRAINT "portfolio_supports_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "demonstrator_experiments_one_open" ON "demonstrator_experiments" USING btree ("initiative_id") WHERE "demonstrator_experiments"."decision" is null;--> statement-breakpoint
CREATE INDEX "demonstrator_history_experiment_idx" ON "demonstrator_history" USING btree ("experiment_id","created_at");--> statement-breakpoint
CREATE INDEX "demonstrator_participants_org_idx" ON "demonstrator_participants" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "demonstrator_survey_responses_once" ON "demonstrator_survey_responses" USING btree ("survey_id","user_id");--> statement-breakpoint
CREATE INDEX "demonstrator_survey_responses_org_idx" ON "demonstrator_survey_responses" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "portfolio_comments_initiative_idx" ON "portfolio_comments" USING btree ("initiative_id","created_at");--> statement-breakpoint
CREATE INDEX "portfolio_history_initiative_idx" ON "portfolio_history" USING btree ("initiative_id","created_at");--> statement-breakpoint
CREATE INDEX "portfolio_initiative_actors_actor_idx" ON "portfolio_initiative_actors" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "portfolio_initiative_needs_need_idx" ON "portfolio_initiative_needs" USING btree ("need_id");--> statement-breakpoint
CREATE INDEX "portfolio_initiatives_stage_idx" ON "portfolio_initiatives" USING btree ("stage");