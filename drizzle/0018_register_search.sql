CREATE TABLE "register_enheter_search" (
	"orgnr" text PRIMARY KEY NOT NULL,
	"navn" text NOT NULL,
	"navn_key" text COLLATE "C" GENERATED ALWAYS AS (translate(upper(navn), 'ÆØÅÄÖÜÉ', '[\][\YE')) STORED,
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('norwegian', navn)) STORED,
	"kommunenummer" text,
	"fylkesnummer" text,
	"organisasjonsform" text,
	"stiftelsesdato" date,
	"registrert_i_frivillighetsregisteret" boolean DEFAULT false NOT NULL,
	"under_avvikling" boolean DEFAULT false NOT NULL,
	"konkurs" boolean DEFAULT false NOT NULL,
	"slettedato" date,
	"frr" boolean DEFAULT false NOT NULL,
	"grasrotandel" boolean DEFAULT false NOT NULL,
	"icnpo1" text,
	"icnpo2" text,
	"icnpo3" text
);
--> statement-breakpoint
DROP INDEX "register_enheter_search_idx";--> statement-breakpoint
DROP INDEX "register_enheter_navn_trgm_idx";--> statement-breakpoint
CREATE INDEX "register_enheter_search_vector_idx" ON "register_enheter_search" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "register_enheter_search_trgm_idx" ON "register_enheter_search" USING gin (lower("navn") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "register_enheter_search_name_idx" ON "register_enheter_search" USING btree ("navn_key","orgnr");--> statement-breakpoint
CREATE INDEX "register_enheter_search_kommune_idx" ON "register_enheter_search" USING btree ("kommunenummer","navn_key","orgnr");--> statement-breakpoint
CREATE INDEX "register_enheter_search_fylke_idx" ON "register_enheter_search" USING btree ("fylkesnummer","navn_key","orgnr");--> statement-breakpoint
CREATE INDEX "register_enheter_search_frr_kommune_idx" ON "register_enheter_search" USING btree ("kommunenummer","navn_key","orgnr") WHERE frr;--> statement-breakpoint
CREATE INDEX "register_enheter_search_frr_fylke_idx" ON "register_enheter_search" USING btree ("fylkesnummer","navn_key","orgnr") WHERE frr;--> statement-breakpoint
ALTER TABLE "register_enheter" DROP COLUMN "search_vector";