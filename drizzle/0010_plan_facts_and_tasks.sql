CREATE TABLE "organisation_facts" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"member_count" integer,
	"employees" integer,
	"vat_registered" boolean,
	"sells_taxable_goods" boolean,
	"fundraising_from_public" boolean,
	"works_with_vulnerable" boolean,
	"wants_frivillighetsregisteret" boolean,
	"wants_grasrotandel" boolean,
	"umbrella_member" boolean,
	"umbrella_name" text,
	"umbrella_moms_deadline_month" integer,
	"umbrella_moms_deadline_day" integer,
	"politiattest_last_checked" date,
	"income_band" text,
	"accounts_reporting_taken_on" boolean,
	"dissolution_decided_on" date,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisation_facts_counts" CHECK (coalesce("organisation_facts"."member_count", 0) >= 0 and coalesce("organisation_facts"."employees", 0) >= 0),
	CONSTRAINT "organisation_facts_umbrella_deadline" CHECK (("organisation_facts"."umbrella_moms_deadline_month" is null) = ("organisation_facts"."umbrella_moms_deadline_day" is null)
        and coalesce("organisation_facts"."umbrella_moms_deadline_month", 1) between 1 and 12
        and coalesce("organisation_facts"."umbrella_moms_deadline_day", 1) between 1 and 31)
);
--> statement-breakpoint
CREATE TABLE "plan_task_statuses" (
	"organisation_id" uuid NOT NULL,
	"task_id" text NOT NULL,
	"status" text NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_task_statuses_organisation_id_task_id_pk" PRIMARY KEY("organisation_id","task_id")
);
--> statement-breakpoint
CREATE TABLE "politiattest_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"person" text NOT NULL,
	"role" text NOT NULL,
	"shown_on" date NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organisation_facts" ADD CONSTRAINT "organisation_facts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_facts" ADD CONSTRAINT "organisation_facts_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_task_statuses" ADD CONSTRAINT "plan_task_statuses_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_task_statuses" ADD CONSTRAINT "plan_task_statuses_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "politiattest_checks" ADD CONSTRAINT "politiattest_checks_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "politiattest_checks" ADD CONSTRAINT "politiattest_checks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "politiattest_checks_org_idx" ON "politiattest_checks" USING btree ("organisation_id","shown_on");