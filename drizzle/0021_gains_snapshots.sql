CREATE TABLE "gains_snapshots" (
	"month" text NOT NULL,
	"indicator" text NOT NULL,
	"value" integer NOT NULL,
	"organisations" integer NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "gains_snapshots_month_indicator_pk" PRIMARY KEY("month","indicator"),
	CONSTRAINT "gains_snapshots_month_format" CHECK ("gains_snapshots"."month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "gains_snapshots_counts" CHECK ("gains_snapshots"."value" >= 0 and "gains_snapshots"."organisations" >= 0)
);
