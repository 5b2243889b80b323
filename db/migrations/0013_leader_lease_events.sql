-- Every new term of the leader lease (a new holder, or the same one after its lease lapsed) is a
-- state change in the event log; renewals, which only move expires_at, are not.
CREATE FUNCTION flightdeck_lease_event() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM flightdeck_append_event('cluster:leader-changed', jsonb_build_object('holder', NEW.holder,
    'epoch', NEW.epoch, 'previous', CASE WHEN TG_OP = 'UPDATE' THEN OLD.holder END));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER leader_lease_event_insert AFTER INSERT ON leader_lease FOR EACH ROW EXECUTE FUNCTION flightdeck_lease_event();
--> statement-breakpoint
CREATE TRIGGER leader_lease_event_update AFTER UPDATE OF holder, epoch ON leader_lease FOR EACH ROW
  WHEN (OLD.holder IS DISTINCT FROM NEW.holder OR OLD.epoch IS DISTINCT FROM NEW.epoch)
  EXECUTE FUNCTION flightdeck_lease_event();
