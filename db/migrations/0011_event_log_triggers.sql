-- The event log is written here, by the database, in the transaction that makes each change:
-- a statement that changes a task's or an agent's state cannot commit without its event, and a
-- crash cannot lose one. Payloads are small; readers fetch details by id.

-- Appends one event. The advisory lock serialises event writers from their first event to their
-- commit, so positions (taken after the lock) are handed out in commit order: a reader that asks
-- for "position > last seen" never skips a slower transaction's events. Writers hold it only from
-- the end of their statement to COMMIT (row triggers fire after the statement's work is done).
-- NOTIFY is delivered on commit, once per transaction: it wakes every replica's log reader.
-- `flightdeck import` sets flightdeck.importing for its transaction: it loads the exported log as
-- it was, and the rows it copies are not new changes.
-- Embedded PGlite sets flightdeck.single_writer for its one session: with one connection, writers
-- are serial already and commits are seen in-process, so the lock and NOTIFY (a third of a
-- single-row update's time there) are skipped.
CREATE FUNCTION flightdeck_append_event(p_name text, p_payload jsonb) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  shared boolean := current_setting('flightdeck.single_writer', true) IS DISTINCT FROM 'on';
BEGIN
  IF current_setting('flightdeck.importing', true) = 'on' THEN
    RETURN;
  END IF;
  IF shared THEN
    PERFORM pg_advisory_xact_lock(7305954212399461);
  END IF;
  INSERT INTO events (name, payload) VALUES (p_name, p_payload);
  IF shared THEN
    PERFORM pg_notify('flightdeck_events', '');
  END IF;
END $$;
--> statement-breakpoint
CREATE FUNCTION flightdeck_epoch_ms(t timestamptz) RETURNS bigint
LANGUAGE sql IMMUTABLE AS $$ SELECT (extract(epoch FROM t) * 1000)::bigint $$;
--> statement-breakpoint
CREATE FUNCTION flightdeck_task_event() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  ended_status text;
  ended_error text;
  lost_on text;
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM flightdeck_append_event('task:submitted',
      jsonb_build_object('taskIds', jsonb_build_array(NEW.id), 'status', NEW.status));
    RETURN NULL;
  END IF;
  IF NEW.status IS NOT DISTINCT FROM OLD.status THEN
    PERFORM flightdeck_append_event('task:reprioritised', jsonb_build_object('taskIds', jsonb_build_array(NEW.id),
      'priority', (ARRAY['critical', 'high', 'normal', 'low', 'background'])[NEW.priority + 1]));
    RETURN NULL;
  END IF;
  -- The attempt that just ended: why it ended, and whether its agent handed it back of its own accord.
  IF OLD.status IN ('assigned', 'running') AND NEW.status NOT IN ('running', 'succeeded', 'failed', 'cancelled') THEN
    SELECT x.status, x.error INTO ended_status, ended_error
      FROM task_attempts x WHERE x.task_id = NEW.id AND x.attempt = OLD.attempt;
    lost_on := CASE WHEN ended_status IN ('released', 'cancelled') THEN NULL ELSE OLD.agent_id END;
  END IF;
  CASE NEW.status
  WHEN 'assigned' THEN
    PERFORM flightdeck_append_event('task:assigned', jsonb_build_object('taskId', NEW.id, 'agentId', NEW.agent_id,
      'attempt', NEW.attempt, 'delivered', NEW.delivered_at IS NOT NULL));
  WHEN 'running' THEN
    PERFORM flightdeck_append_event('task:started',
      jsonb_build_object('taskId', NEW.id, 'agentId', NEW.agent_id, 'attempt', NEW.attempt));
  WHEN 'succeeded', 'failed' THEN
    PERFORM flightdeck_append_event('task:completed', jsonb_build_object('taskId', NEW.id,
      'agentId', coalesce(NEW.agent_id, OLD.agent_id), 'attempt', NEW.attempt, 'status', NEW.status,
      'durationMs', flightdeck_epoch_ms(NEW.finished_at) - flightdeck_epoch_ms(NEW.started_at),
      'contextKey', NEW.context_key));
  WHEN 'cancelled' THEN
    PERFORM flightdeck_append_event('task:cancelled', jsonb_build_object('taskId', NEW.id, 'previous', OLD.status,
      'agentId', OLD.agent_id, 'reason', NEW.error));
  WHEN 'dead-lettered' THEN
    PERFORM flightdeck_append_event('task:dead-lettered', jsonb_build_object('taskId', NEW.id, 'attempt', NEW.attempt,
      'reason', coalesce(ended_error, NEW.error, ''), 'agentId', lost_on));
  WHEN 'retry-wait' THEN
    PERFORM flightdeck_append_event('task:retrying', jsonb_build_object('taskId', NEW.id, 'attempt', NEW.attempt,
      'retryAt', flightdeck_epoch_ms(NEW.retry_at), 'reason', coalesce(ended_error, NEW.error, ''), 'agentId', lost_on));
  WHEN 'queued' THEN
    IF OLD.status IN ('assigned', 'running') THEN
      PERFORM flightdeck_append_event('task:requeued', jsonb_build_object('taskId', NEW.id, 'attempt', OLD.attempt,
        'reason', CASE WHEN ended_status = 'released' THEN 'released by its agent: ' ELSE '' END || coalesce(ended_error, ''),
        'agentId', lost_on));
    ELSE
      PERFORM flightdeck_append_event('task:released', jsonb_build_object('taskIds', jsonb_build_array(NEW.id),
        'previous', OLD.status, 'reason', CASE OLD.status WHEN 'retry-wait' THEN 'backoff over'
          WHEN 'blocked' THEN 'dependencies succeeded' ELSE 'retried by an operator' END));
    END IF;
  ELSE
    -- A state this function does not know yet still gets its event.
    PERFORM flightdeck_append_event('task:changed',
      jsonb_build_object('taskId', NEW.id, 'status', NEW.status, 'previous', OLD.status));
  END CASE;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER tasks_event_insert AFTER INSERT ON tasks FOR EACH ROW EXECUTE FUNCTION flightdeck_task_event();
--> statement-breakpoint
CREATE TRIGGER tasks_event_update AFTER UPDATE OF status, priority ON tasks FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.priority IS DISTINCT FROM NEW.priority)
  EXECUTE FUNCTION flightdeck_task_event();
--> statement-breakpoint
CREATE FUNCTION flightdeck_agent_event() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' OR NEW.token_hash IS DISTINCT FROM OLD.token_hash THEN
    PERFORM flightdeck_append_event('agent:registered', jsonb_build_object('agentId', NEW.id, 'name', NEW.name,
      'reregistered', TG_OP = 'UPDATE', 'status', NEW.status,
      'previous', CASE WHEN TG_OP = 'UPDATE' THEN OLD.status END));
  ELSIF NEW.status = 'terminated' THEN
    PERFORM flightdeck_append_event('agent:deregistered',
      jsonb_build_object('agentId', NEW.id, 'previous', OLD.status, 'reason', coalesce(NEW.status_reason, '')));
  ELSE
    PERFORM flightdeck_append_event('agent:changed', jsonb_build_object('agentId', NEW.id, 'status', NEW.status,
      'previous', OLD.status, 'reason', coalesce(NEW.status_reason, '')));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER agents_event_insert AFTER INSERT ON agents FOR EACH ROW EXECUTE FUNCTION flightdeck_agent_event();
--> statement-breakpoint
CREATE TRIGGER agents_event_update AFTER UPDATE OF status, token_hash ON agents FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.token_hash IS DISTINCT FROM NEW.token_hash)
  EXECUTE FUNCTION flightdeck_agent_event();
--> statement-breakpoint
CREATE FUNCTION flightdeck_history_event() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'breaker_events' THEN
    PERFORM flightdeck_append_event('breaker:changed', jsonb_build_object('key', NEW.key,
      'agentId', CASE WHEN NEW.key LIKE 'agent:%' THEN substr(NEW.key, 7) END,
      'runtime', CASE WHEN NEW.key LIKE 'runtime:%' THEN substr(NEW.key, 9) END,
      'from', NEW.from_state, 'to', NEW.to_state, 'reason', NEW.reason,
      -- ("by" is a keyword that PL/pgSQL does not read as a field name.)
      'by', to_jsonb(NEW) -> 'by'));
  ELSIF TG_TABLE_NAME = 'routing_changes' THEN
    PERFORM flightdeck_append_event('routing:changed',
      jsonb_build_object('scope', NEW.scope, 'strategy', NEW.strategy, 'changedBy', NEW.changed_by));
  ELSIF TG_TABLE_NAME = 'scale_decisions' THEN
    PERFORM flightdeck_append_event('pool:scaled', jsonb_build_object('poolId', NEW.pool_id,
      'pool', coalesce((SELECT p.name FROM pools p WHERE p.id = NEW.pool_id), NEW.pool_id),
      'action', NEW.action, 'delta', NEW.delta, 'reason', NEW.reason, 'by', NEW.actor));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER breaker_events_event AFTER INSERT ON breaker_events FOR EACH ROW EXECUTE FUNCTION flightdeck_history_event();
--> statement-breakpoint
CREATE TRIGGER routing_changes_event AFTER INSERT ON routing_changes FOR EACH ROW EXECUTE FUNCTION flightdeck_history_event();
--> statement-breakpoint
CREATE TRIGGER scale_decisions_event AFTER INSERT ON scale_decisions FOR EACH ROW EXECUTE FUNCTION flightdeck_history_event();
--> statement-breakpoint
CREATE FUNCTION flightdeck_pool_event() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM flightdeck_append_event('pool:changed',
      jsonb_build_object('poolId', NEW.id, 'change', 'created', 'by', NEW.created_by));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM flightdeck_append_event('pool:changed',
      jsonb_build_object('poolId', OLD.id, 'change', 'deleted', 'by', OLD.updated_by));
  ELSE
    PERFORM flightdeck_append_event('pool:changed',
      jsonb_build_object('poolId', NEW.id, 'change', 'updated', 'by', NEW.updated_by));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER pools_event_insert_delete AFTER INSERT OR DELETE ON pools FOR EACH ROW EXECUTE FUNCTION flightdeck_pool_event();
--> statement-breakpoint
-- Settings changes only (they stamp updated_at); holds and scale times are not operator changes.
CREATE TRIGGER pools_event_update AFTER UPDATE ON pools FOR EACH ROW
  WHEN (OLD.updated_at IS DISTINCT FROM NEW.updated_at)
  EXECUTE FUNCTION flightdeck_pool_event();
