-- Alert events also say whether the alert is silenced or inhibited: a dashboard need not pop up
-- a toast for a critical alert that a silence already covers.
CREATE OR REPLACE FUNCTION flightdeck_alert_event() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  a alerts%ROWTYPE;
BEGIN
  SELECT * INTO a FROM alerts WHERE id = NEW.alert_id;
  PERFORM flightdeck_append_event(
    CASE WHEN NEW.kind IN ('firing', 'acknowledged', 'resolved') THEN 'alert:' || NEW.kind ELSE 'alert:changed' END,
    jsonb_build_object('alertId', NEW.alert_id, 'kind', NEW.kind, 'state', NEW.to_state, 'previous', NEW.from_state,
      'rule', a.rule_name, 'ruleId', a.rule_id, 'severity', a.severity, 'labels', a.labels, 'summary', a.summary,
      'groupKey', a.group_key, 'fingerprint', a.fingerprint, 'by', NEW.actor, 'reason', NEW.reason, 'note', NEW.note,
      'silencedBy', a.silenced_by, 'inhibitedBy', a.inhibited_by));
  RETURN NULL;
END $$;
