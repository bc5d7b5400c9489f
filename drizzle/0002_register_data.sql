CREATE TABLE "fylker" (
	"nummer" text PRIMARY KEY NOT NULL,
	"navn" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "icnpo_kategorier" (
	"nummer" text PRIMARY KEY NOT NULL,
	"navn" text NOT NULL,
	"hovedkategori" text NOT NULL,
	"er_hovedkategori" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"run_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer DEFAULT 5 NOT NULL,
	"locked_by" text,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"singleton_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "kommuner" (
	"nummer" text PRIMARY KEY NOT NULL,
	"navn" text NOT NULL,
	"fylkesnummer" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisasjonsformer" (
	"kode" text PRIMARY KEY NOT NULL,
	"beskrivelse" text NOT NULL,
	"er_underenhetsform" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "register_changes" (
	"oppdateringsid" bigint PRIMARY KEY NOT NULL,
	"orgnr" text NOT NULL,
	"endringstype" text NOT NULL,
	"dato" timestamp with time zone NOT NULL,
	"endringer" jsonb,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "register_enheter" (
	"orgnr" text PRIMARY KEY NOT NULL,
	"navn" text NOT NULL,
	"organisasjonsform" text,
	"kommunenummer" text,
	"stiftelsesdato" date,
	"registreringsdato" date,
	"naeringskode1" text,
	"antall_ansatte" integer,
	"registrert_i_frivillighetsregisteret" boolean DEFAULT false NOT NULL,
	"registrert_i_mvaregisteret" boolean DEFAULT false NOT NULL,
	"under_avvikling" boolean DEFAULT false NOT NULL,
	"konkurs" boolean DEFAULT false NOT NULL,
	"slettedato" date,
	"data" jsonb NOT NULL,
	"data_hash" text NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('norwegian', coalesce(navn, ''))) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "register_frivillige" (
	"orgnr" text PRIMARY KEY NOT NULL,
	"icnpo1" text,
	"icnpo2" text,
	"icnpo3" text,
	"grasrotandel" boolean DEFAULT false NOT NULL,
	"status" text,
	"innfoert_dato" date,
	"foerste_gang_innfoert" date,
	"slettet_dato" date,
	"data" jsonb NOT NULL,
	"data_hash" text NOT NULL,
	"last_seen_walk" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "register_import_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"source" text NOT NULL,
	"source_fingerprint" text,
	"status" text DEFAULT 'running' NOT NULL,
	"checkpoint" integer DEFAULT 0 NOT NULL,
	"records_read" integer DEFAULT 0 NOT NULL,
	"records_inserted" integer DEFAULT 0 NOT NULL,
	"records_updated" integer DEFAULT 0 NOT NULL,
	"records_unchanged" integer DEFAULT 0 NOT NULL,
	"records_quarantined" integer DEFAULT 0 NOT NULL,
	"error" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "register_import_staging" (
	"run_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"orgnr" text NOT NULL,
	"data" jsonb NOT NULL,
	"data_hash" text NOT NULL,
	CONSTRAINT "register_import_staging_run_id_position_pk" PRIMARY KEY("run_id","position")
);
--> statement-breakpoint
CREATE TABLE "register_quarantine" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"run_id" uuid,
	"source" text NOT NULL,
	"position" text,
	"reason" text NOT NULL,
	"raw" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "register_rolle_sett" (
	"orgnr" text PRIMARY KEY NOT NULL,
	"data" jsonb NOT NULL,
	"data_hash" text NOT NULL,
	"fetched_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "register_roller" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"orgnr" text NOT NULL,
	"rollegruppe" text NOT NULL,
	"rolle" text NOT NULL,
	"fornavn" text,
	"mellomnavn" text,
	"etternavn" text,
	"fodselsdato" date,
	"er_doed" boolean DEFAULT false NOT NULL,
	"enhet_orgnr" text,
	"enhet_navn" text,
	"fratraadt" boolean DEFAULT false NOT NULL,
	"avregistrert" boolean DEFAULT false NOT NULL,
	"rekkefolge" integer
);
--> statement-breakpoint
CREATE TABLE "register_sync_state" (
	"name" text PRIMARY KEY NOT NULL,
	"cursor" text,
	"last_run_at" timestamp with time zone,
	"last_success_at" timestamp with time zone,
	"last_error" text,
	"consecutive_failures" integer DEFAULT 0 NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rolletyper" (
	"kode" text PRIMARY KEY NOT NULL,
	"nb" text NOT NULL,
	"en" text,
	"relevant_for_frivillige" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "kommuner" ADD CONSTRAINT "kommuner_fylkesnummer_fylker_nummer_fk" FOREIGN KEY ("fylkesnummer") REFERENCES "public"."fylker"("nummer") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_import_staging" ADD CONSTRAINT "register_import_staging_run_id_register_import_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."register_import_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_quarantine" ADD CONSTRAINT "register_quarantine_run_id_register_import_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."register_import_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_roller" ADD CONSTRAINT "register_roller_orgnr_register_rolle_sett_orgnr_fk" FOREIGN KEY ("orgnr") REFERENCES "public"."register_rolle_sett"("orgnr") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "jobs_due_idx" ON "jobs" USING btree ("status","run_at");--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_singleton_idx" ON "jobs" USING btree ("singleton_key") WHERE status in ('queued', 'running');--> statement-breakpoint
CREATE INDEX "kommuner_fylke_idx" ON "kommuner" USING btree ("fylkesnummer");--> statement-breakpoint
CREATE INDEX "register_changes_orgnr_idx" ON "register_changes" USING btree ("orgnr","dato");--> statement-breakpoint
CREATE INDEX "register_enheter_search_idx" ON "register_enheter" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "register_enheter_navn_trgm_idx" ON "register_enheter" USING gin (lower("navn") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "register_enheter_kommune_idx" ON "register_enheter" USING btree ("kommunenummer");--> statement-breakpoint
CREATE INDEX "register_enheter_form_idx" ON "register_enheter" USING btree ("organisasjonsform");--> statement-breakpoint
CREATE INDEX "register_enheter_frr_idx" ON "register_enheter" USING btree ("registrert_i_frivillighetsregisteret");--> statement-breakpoint
CREATE INDEX "register_frivillige_icnpo1_idx" ON "register_frivillige" USING btree ("icnpo1");--> statement-breakpoint
CREATE INDEX "register_frivillige_grasrot_idx" ON "register_frivillige" USING btree ("grasrotandel");--> statement-breakpoint
CREATE INDEX "register_quarantine_run_idx" ON "register_quarantine" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "register_roller_orgnr_idx" ON "register_roller" USING btree ("orgnr");--> statement-breakpoint
CREATE INDEX "register_roller_person_idx" ON "register_roller" USING btree ("etternavn","fodselsdato");