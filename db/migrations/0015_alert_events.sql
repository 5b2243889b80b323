-- Every step of an alert's timeline is a state change in the event log, written with it: the
-- dashboard's badge and toasts, notifications and hooks all read them from there. Firing,
-- acknowledged and resolved have events of their own (the hook catalogue names them); every
-- other step (pending, assigned, silenced, remedy…) is `alert:changed`.
CREATE FUNCTION flightdeck_alert_event() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  a alerts%ROWTYPE;
BEGIN
  SELECT * INTO a FROM alerts WHERE id = NEW.alert_id;
  PERFORM flightdeck_append_event(
    CASE WHEN NEW.kind IN ('firing', 'acknowledged', 'resolved') THEN 'alert:' || NEW.kind ELSE 'alert:changed' END,
    jsonb_build_object('alertId', NEW.alert_id, 'kind', NEW.kind, 'state', NEW.to_state, 'previous', NEW.from_state,
      'rule', a.rule_name, 'ruleId', a.rule_id, 'severity', a.severity, 'labels', a.labels, 'summary', a.summary,
      'groupKey', a.group_key, 'fingerprint', a.fingerprint, 'by', NEW.actor, 'reason', NEW.reason, 'note', NEW.note));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER alert_transitions_event AFTER INSERT ON alert_transitions FOR EACH ROW EXECUTE FUNCTION flightdeck_alert_event();
