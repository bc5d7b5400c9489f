-- register_enheter_search (organisation search) is a narrow copy of register_enheter's searchable columns and
-- of the current Frivillighetsregisteret record; these statement-level triggers keep it in step with both
-- tables whatever writes them (bulk merge, change feed, FRR walk, tests), one set-based statement per write.
CREATE FUNCTION register_enheter_search_upsert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO register_enheter_search AS s (orgnr, navn, kommunenummer, fylkesnummer, organisasjonsform, stiftelsesdato,
      registrert_i_frivillighetsregisteret, under_avvikling, konkurs, slettedato, frr, grasrotandel, icnpo1, icnpo2, icnpo3)
    SELECT n.orgnr, n.navn, n.kommunenummer, k.fylkesnummer, n.organisasjonsform, n.stiftelsesdato,
      n.registrert_i_frivillighetsregisteret, n.under_avvikling, n.konkurs, n.slettedato,
      f.orgnr IS NOT NULL, coalesce(f.grasrotandel, false), f.icnpo1, f.icnpo2, f.icnpo3
    FROM changed_rows n
    LEFT JOIN kommuner k ON k.nummer = n.kommunenummer
    LEFT JOIN register_frivillige f ON f.orgnr = n.orgnr AND f.slettet_dato IS NULL
  ON CONFLICT (orgnr) DO UPDATE SET
    navn = excluded.navn, kommunenummer = excluded.kommunenummer, fylkesnummer = excluded.fylkesnummer,
    organisasjonsform = excluded.organisasjonsform, stiftelsesdato = excluded.stiftelsesdato,
    registrert_i_frivillighetsregisteret = excluded.registrert_i_frivillighetsregisteret,
    under_avvikling = excluded.under_avvikling, konkurs = excluded.konkurs, slettedato = excluded.slettedato
  WHERE (s.navn, s.kommunenummer, s.fylkesnummer, s.organisasjonsform, s.stiftelsesdato, s.registrert_i_frivillighetsregisteret,
         s.under_avvikling, s.konkurs, s.slettedato)
    IS DISTINCT FROM (excluded.navn, excluded.kommunenummer, excluded.fylkesnummer, excluded.organisasjonsform, excluded.stiftelsesdato,
         excluded.registrert_i_frivillighetsregisteret, excluded.under_avvikling, excluded.konkurs, excluded.slettedato);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION register_enheter_search_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM register_enheter_search s USING changed_rows o WHERE s.orgnr = o.orgnr;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION register_enheter_search_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM register_enheter_search;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER register_enheter_search_on_insert AFTER INSERT ON register_enheter
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION register_enheter_search_upsert();
--> statement-breakpoint
CREATE TRIGGER register_enheter_search_on_update AFTER UPDATE ON register_enheter
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION register_enheter_search_upsert();
--> statement-breakpoint
CREATE TRIGGER register_enheter_search_on_delete AFTER DELETE ON register_enheter
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION register_enheter_search_delete();
--> statement-breakpoint
CREATE TRIGGER register_enheter_search_on_truncate AFTER TRUNCATE ON register_enheter
  FOR EACH STATEMENT EXECUTE FUNCTION register_enheter_search_truncate();
--> statement-breakpoint
-- Frivillighetsregisteret: the search row of each organisation written gets the current record's ICNPO
-- categories and Grasrotandelen (none when it has left FRR, slettet_dato, or the row is gone).
CREATE FUNCTION register_frivillige_search_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE register_enheter_search s SET
    frr = f.orgnr IS NOT NULL, grasrotandel = coalesce(f.grasrotandel, false), icnpo1 = f.icnpo1, icnpo2 = f.icnpo2, icnpo3 = f.icnpo3
  FROM (SELECT DISTINCT orgnr FROM changed_rows) c
  LEFT JOIN register_frivillige f ON f.orgnr = c.orgnr AND f.slettet_dato IS NULL
  WHERE s.orgnr = c.orgnr
    AND (s.frr, s.grasrotandel, s.icnpo1, s.icnpo2, s.icnpo3)
      IS DISTINCT FROM (f.orgnr IS NOT NULL, coalesce(f.grasrotandel, false), f.icnpo1, f.icnpo2, f.icnpo3);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION register_frivillige_search_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE register_enheter_search SET frr = false, grasrotandel = false, icnpo1 = NULL, icnpo2 = NULL, icnpo3 = NULL
  WHERE frr OR grasrotandel OR icnpo1 IS NOT NULL OR icnpo2 IS NOT NULL OR icnpo3 IS NOT NULL;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER register_frivillige_search_on_insert AFTER INSERT ON register_frivillige
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION register_frivillige_search_refresh();
--> statement-breakpoint
CREATE TRIGGER register_frivillige_search_on_update AFTER UPDATE ON register_frivillige
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION register_frivillige_search_refresh();
--> statement-breakpoint
CREATE TRIGGER register_frivillige_search_on_delete AFTER DELETE ON register_frivillige
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION register_frivillige_search_refresh();
--> statement-breakpoint
CREATE TRIGGER register_frivillige_search_on_truncate AFTER TRUNCATE ON register_frivillige
  FOR EACH STATEMENT EXECUTE FUNCTION register_frivillige_search_truncate();
--> statement-breakpoint
-- Existing data.
INSERT INTO register_enheter_search (orgnr, navn, kommunenummer, fylkesnummer, organisasjonsform, stiftelsesdato,
    registrert_i_frivillighetsregisteret, under_avvikling, konkurs, slettedato, frr, grasrotandel, icnpo1, icnpo2, icnpo3)
  SELECT e.orgnr, e.navn, e.kommunenummer, k.fylkesnummer, e.organisasjonsform, e.stiftelsesdato,
    e.registrert_i_frivillighetsregisteret, e.under_avvikling, e.konkurs, e.slettedato,
    f.orgnr IS NOT NULL, coalesce(f.grasrotandel, false), f.icnpo1, f.icnpo2, f.icnpo3
  FROM register_enheter e
  LEFT JOIN kommuner k ON k.nummer = e.kommunenummer
  LEFT JOIN register_frivillige f ON f.orgnr = e.orgnr AND f.slettet_dato IS NULL;
