CREATE TABLE "insight_refresh" (
	"id" integer PRIMARY KEY NOT NULL,
	"refreshed_at" timestamp with time zone NOT NULL,
	"units" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "insight_units" (
	"orgnr" text NOT NULL,
	"kommunenummer" text,
	"fylkesnummer" text,
	"organisasjonsform" text,
	"frivillighetsregisteret" boolean NOT NULL,
	"grasrotandel" boolean NOT NULL,
	"icnpo1" text,
	"icnpo2" text,
	"icnpo3" text,
	"icnpo_hovedkategori" text,
	"stiftet_aar" integer,
	"registrert_aar" integer
);
--> statement-breakpoint
CREATE INDEX "register_enheter_sector_idx" ON "register_enheter" USING btree ("orgnr","kommunenummer","organisasjonsform","stiftelsesdato","registrert_i_frivillighetsregisteret") WHERE slettedato is null and not under_avvikling and not konkurs and (registrert_i_frivillighetsregisteret or organisasjonsform = 'FLI');--> statement-breakpoint
CREATE INDEX "register_frivillige_current_idx" ON "register_frivillige" USING btree ("orgnr","icnpo1","icnpo2","icnpo3","grasrotandel","foerste_gang_innfoert") WHERE slettet_dato is null;