CREATE TABLE "registration_confirmations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"package_id" uuid NOT NULL,
	"person_id" uuid,
	"user_id" uuid,
	"package_version" integer NOT NULL,
	"content_hash" text NOT NULL,
	"confirmed_at" timestamp with time zone NOT NULL,
	"invalidated_at" timestamp with time zone,
	"invalidated_reason" text
);
--> statement-breakpoint
CREATE TABLE "registration_packages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"melding_id" uuid,
	"send_started_at" timestamp with time zone,
	"send_attempts" integer DEFAULT 0 NOT NULL,
	"last_error_code" text,
	"last_error_id" text,
	"last_error_at" timestamp with time zone,
	"mottak_id" text,
	"mottatt_tidspunkt" text,
	"received_at" timestamp with time zone,
	"antall_vedlegg" integer,
	"reply_mottak_id" text,
	"reply_at" timestamp with time zone,
	"reply_handling" text,
	"reply_text" text,
	"fnr_erased_at" timestamp with time zone,
	"created_by" uuid,
	"submitted_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registration_persons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"package_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"board_role" text,
	"position" integer DEFAULT 0 NOT NULL,
	"name" text NOT NULL,
	"birth_date" date,
	"user_id" uuid,
	"email" text,
	"invitation_id" uuid,
	"fnr_ciphertext" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registration_persons_board_role" CHECK (("registration_persons"."kind" = 'board') = ("registration_persons"."board_role" is not null))
);
--> statement-breakpoint
ALTER TABLE "registration_confirmations" ADD CONSTRAINT "registration_confirmations_package_id_registration_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "public"."registration_packages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_confirmations" ADD CONSTRAINT "registration_confirmations_person_id_registration_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."registration_persons"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_confirmations" ADD CONSTRAINT "registration_confirmations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_packages" ADD CONSTRAINT "registration_packages_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_packages" ADD CONSTRAINT "registration_packages_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_packages" ADD CONSTRAINT "registration_packages_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_persons" ADD CONSTRAINT "registration_persons_package_id_registration_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "public"."registration_packages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_persons" ADD CONSTRAINT "registration_persons_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_persons" ADD CONSTRAINT "registration_persons_invitation_id_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."invitations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "registration_confirmations_package_idx" ON "registration_confirmations" USING btree ("package_id");--> statement-breakpoint
CREATE INDEX "registration_packages_org_idx" ON "registration_packages" USING btree ("organisation_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "registration_packages_open_unique" ON "registration_packages" USING btree ("organisation_id") WHERE status in ('draft', 'awaiting-confirmation', 'confirmed', 'submitted');--> statement-breakpoint
CREATE UNIQUE INDEX "registration_packages_mottak_unique" ON "registration_packages" USING btree ("mottak_id");--> statement-breakpoint
CREATE INDEX "registration_persons_package_idx" ON "registration_persons" USING btree ("package_id","kind","position");