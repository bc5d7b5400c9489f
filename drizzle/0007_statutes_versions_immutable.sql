-- Adopted statutes are a record of what was decided: a change is a new version, never an edit.
-- The only update allowed is the foreign key to a deleted user becoming null (ON DELETE SET NULL);
-- the adopter's name stays in adopted_by_name.
CREATE FUNCTION statutes_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW.id, NEW.organisation_id, NEW.version, NEW.language, NEW.answers, NEW.text, NEW.adopted_by_name, NEW.adopted_at, NEW.created_at)
     IS NOT DISTINCT FROM (OLD.id, OLD.organisation_id, OLD.version, OLD.language, OLD.answers, OLD.text, OLD.adopted_by_name, OLD.adopted_at, OLD.created_at)
     AND (NEW.adopted_by IS NOT DISTINCT FROM OLD.adopted_by OR NEW.adopted_by IS NULL) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'statutes_versions rows are immutable; adopt a new version instead' USING ERRCODE = 'check_violation';
END
$$;
--> statement-breakpoint
CREATE TRIGGER statutes_versions_immutable BEFORE UPDATE ON statutes_versions FOR EACH ROW EXECUTE FUNCTION statutes_versions_immutable();
