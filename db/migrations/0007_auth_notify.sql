-- Every write that can change what the guards load (a session, its principal, the principal's
-- store membership or second factor, the store) tells each server instance at commit, on the
-- channel `orion_auth`, with the id of what changed; instances drop their cached session state
-- for that id (lib/auth/session-cache.ts). A trigger rather than the application's own writes:
-- every path (a new endpoint, a script, SQL by hand) is covered, and NOTIFY is transactional,
-- sent only when the write commits.
CREATE OR REPLACE FUNCTION orion_auth_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_id text;
  new_id text;
BEGIN
  IF TG_LEVEL = 'STATEMENT' THEN
    PERFORM pg_notify('orion_auth', '*');
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN old_id := to_jsonb(OLD) ->> TG_ARGV[0]; END IF;
  IF TG_OP <> 'DELETE' THEN new_id := to_jsonb(NEW) ->> TG_ARGV[0]; END IF;
  IF old_id IS NOT NULL THEN PERFORM pg_notify('orion_auth', old_id); END IF;
  IF new_id IS NOT NULL AND new_id IS DISTINCT FROM old_id THEN PERFORM pg_notify('orion_auth', new_id); END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER sessions_auth_changed AFTER UPDATE OR DELETE ON sessions
  FOR EACH ROW EXECUTE FUNCTION orion_auth_changed('id');
--> statement-breakpoint
CREATE TRIGGER users_auth_changed AFTER UPDATE OR DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION orion_auth_changed('id');
--> statement-breakpoint
CREATE TRIGGER customers_auth_changed AFTER UPDATE OR DELETE ON customers
  FOR EACH ROW EXECUTE FUNCTION orion_auth_changed('id');
--> statement-breakpoint
CREATE TRIGGER stores_auth_changed AFTER UPDATE OR DELETE ON stores
  FOR EACH ROW EXECUTE FUNCTION orion_auth_changed('id');
--> statement-breakpoint
CREATE TRIGGER store_members_auth_changed AFTER INSERT OR UPDATE OR DELETE ON store_members
  FOR EACH ROW EXECUTE FUNCTION orion_auth_changed('user_id');
--> statement-breakpoint
CREATE TRIGGER totp_factors_auth_changed AFTER INSERT OR UPDATE OR DELETE ON totp_factors
  FOR EACH ROW EXECUTE FUNCTION orion_auth_changed('user_id');
--> statement-breakpoint
CREATE TRIGGER sessions_auth_truncated AFTER TRUNCATE ON sessions
  FOR EACH STATEMENT EXECUTE FUNCTION orion_auth_changed();
--> statement-breakpoint
CREATE TRIGGER users_auth_truncated AFTER TRUNCATE ON users
  FOR EACH STATEMENT EXECUTE FUNCTION orion_auth_changed();
--> statement-breakpoint
CREATE TRIGGER customers_auth_truncated AFTER TRUNCATE ON customers
  FOR EACH STATEMENT EXECUTE FUNCTION orion_auth_changed();
--> statement-breakpoint
CREATE TRIGGER stores_auth_truncated AFTER TRUNCATE ON stores
  FOR EACH STATEMENT EXECUTE FUNCTION orion_auth_changed();
--> statement-breakpoint
CREATE TRIGGER store_members_auth_truncated AFTER TRUNCATE ON store_members
  FOR EACH STATEMENT EXECUTE FUNCTION orion_auth_changed();
--> statement-breakpoint
CREATE TRIGGER totp_factors_auth_truncated AFTER TRUNCATE ON totp_factors
  FOR EACH STATEMENT EXECUTE FUNCTION orion_auth_changed();
