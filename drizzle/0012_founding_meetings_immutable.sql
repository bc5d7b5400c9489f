-- A finalised founding protocol is a record of what the meeting decided: a change is a new version
-- (reopening copies it into a new draft), never an edit. The only updates allowed on a finalised row are
-- the foreign keys to a deleted user becoming null (ON DELETE SET NULL); the finaliser's name stays.
CREATE FUNCTION founding_meetings_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status <> 'finalised' THEN
    RETURN NEW;
  END IF;
  IF (NEW.id, NEW.organisation_id, NEW.version, NEW.status, NEW.language, NEW.data, NEW.answered_pages, NEW.revision,
      NEW.organisation_name, NEW.statutes_version, NEW.created_at, NEW.updated_at, NEW.finalised_at, NEW.finalised_by_name)
     IS NOT DISTINCT FROM
     (OLD.id, OLD.organisation_id, OLD.version, OLD.status, OLD.language, OLD.data, OLD.answered_pages, OLD.revision,
      OLD.organisation_name, OLD.statutes_version, OLD.created_at, OLD.updated_at, OLD.finalised_at, OLD.finalised_by_name)
     AND (NEW.updated_by IS NOT DISTINCT FROM OLD.updated_by OR NEW.updated_by IS NULL)
     AND (NEW.finalised_by IS NOT DISTINCT FROM OLD.finalised_by OR NEW.finalised_by IS NULL) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'a finalised founding protocol is immutable; reopen it as a new draft instead' USING ERRCODE = 'check_violation';
END
$$;
--> statement-breakpoint
CREATE TRIGGER founding_meetings_immutable BEFORE UPDATE ON founding_meetings FOR EACH ROW EXECUTE FUNCTION founding_meetings_immutable();
