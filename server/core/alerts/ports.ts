import type { ActorRef } from '../access/actor';
import type {
  Alert,
  AlertChange,
  AlertRule,
  AlertState,
  AlertTransition,
  Reading,
  Severity,
  Silence,
} from './alert-model';
import type { RuleDraft } from './builtin-rules';

export interface AlertListQuery {
  /** Empty: every state. */
  states: AlertState[];
  severity?: Severity;
  offset: number;
  limit: number;
}

export type NewRule = Omit<AlertRule, 'createdAt' | 'updatedAt' | 'updatedBy'>;

/** Alert rules, alerts with their timelines, and silences: what the alert module needs of storage. */
export interface AlertStore {
  readings: AlertReadings;
  listRules(): Promise<AlertRule[]>;
  getRule(id: string): Promise<AlertRule | null>;
  /** Inserts the built-in rules that are missing (by id); an existing one keeps the operator's edits. */
  seedRules(rules: RuleDraft[]): Promise<void>;
  /** Null when a rule of that name exists. */
  createRule(rule: NewRule): Promise<AlertRule | null>;
  updateRule(id: string, patch: Partial<AlertRule>, by: ActorRef): Promise<AlertRule | null>;
  deleteRule(id: string): Promise<boolean>;

  openAlerts(): Promise<Alert[]>;
  getAlert(id: string): Promise<Alert | null>;
  /** Firing first, then acknowledged, pending, resolved; within a state by severity, newest first. */
  listAlerts(q: AlertListQuery): Promise<Alert[]>;
  /** Open alerts by state and severity; `muted`: silenced or inhibited. */
  countOpen(): Promise<{ state: AlertState; severity: Severity; muted: boolean; count: number }[]>;
  timeline(alertId: string): Promise<AlertTransition[]>;
  /**
   * Writes the changes in one transaction, each alert row before its timeline steps (the event
   * log's trigger reads the row). Returns the ids of the alerts written; a change whose `expect`
   * no longer holds is skipped whole.
   */
  apply(changes: AlertChange[]): Promise<string[]>;

  /** Ids of queued tasks needing the capability, oldest first: what a capability alert affects. */
  queuedTaskIds(capability: string, limit: number): Promise<string[]>;

  createSilence(s: Silence): Promise<Silence>;
  listSilences(opts: { includeExpired: boolean; at: number }): Promise<Silence[]>;
  getSilence(id: string): Promise<Silence | null>;
  /** Ends the silence at `at` (no later than it would have); null when unknown. */
  expireSilence(id: string, by: ActorRef, at: number): Promise<Silence | null>;
}

export interface ReadingRequest {
  metric: string;
  params: Record<string, number>;
}

/** One pass's current value of every metric the enabled rules watch (cheap reads of existing tables). */
export interface AlertReadings {
  read(requests: ReadingRequest[], now: number): Promise<Map<string, Reading[]>>;
}
