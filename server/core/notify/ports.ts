import type { ActorRef } from '../access/actor';
import type { LabelMatcher } from '../alerts/label-matchers';
import type { NewDelivery } from '../deliveries/ports';

export const CHANNEL_TYPES = ['webhook', 'slack', 'alertmanager-webhook'] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];

/** A notification channel as answers show it: never its secret. */
export interface Channel {
  id: string;
  name: string;
  type: ChannelType;
  url: string;
  /** Severities routed here (empty: all). */
  severities: string[];
  /** Every matcher must hold on the alert's labels (with `alertname` and `severity`). */
  matchers: LabelMatcher[];
  repeatIntervalMs: number;
  enabled: boolean;
  createdBy: ActorRef | null;
  createdAt: number;
  updatedAt: number;
}

export type ChannelSettings = Omit<Channel, 'id' | 'createdBy' | 'createdAt' | 'updatedAt'>;

export interface ChannelStore {
  /** null when the name is taken. */
  create(c: ChannelSettings & { id: string; secret: string; createdBy: ActorRef }): Promise<Channel | null>;
  /** null when missing, `name-taken` when another channel has the new name. */
  update(id: string, patch: Partial<ChannelSettings> & { secret?: string }): Promise<Channel | null | 'name-taken'>;
  remove(id: string): Promise<boolean>;
  get(id: string): Promise<Channel | null>;
  /** With its secret: for signing only. */
  secretOf(id: string): Promise<string | null>;
  list(): Promise<Channel[]>;
}

/** An alert as notifications read it (the alerts table, written by the alert engine). */
export interface GroupAlert {
  id: string;
  fingerprint: string;
  rule: string;
  ruleId: string;
  state: string;
  severity: string;
  labels: Record<string, string>;
  summary: string;
  startsAt: number;
  firingAt: number | null;
  resolvedAt: number | null;
  silenced: boolean;
  inhibited: boolean;
}

/** Per channel and group: what was last sent. */
export interface NotificationGroup {
  channelId: string;
  groupKey: string;
  lastFingerprints: string[];
  lastSentAt: number;
  resolved: boolean;
}

export interface NotificationStore {
  /** The group's alerts that are firing or acknowledged (open and notifiable in principle). */
  openAlerts(groupKey: string): Promise<GroupAlert[]>;
  /** The newest alert of each of these fingerprints in the group (what a resolve notification lists). */
  latestAlerts(groupKey: string, fingerprints: string[]): Promise<GroupAlert[]>;
  /** The labels the group's rule groups by (Alertmanager's groupLabels). */
  groupBy(ruleId: string): Promise<string[]>;
  group(channelId: string, groupKey: string): Promise<NotificationGroup | null>;
  /** Unresolved groups of enabled channels whose repeat interval has passed at `now`, oldest first. */
  dueRepeats(now: number, limit: number): Promise<NotificationGroup[]>;
  /**
   * Writes the group's new state and its delivery in one transaction, only if the group is still
   * as `prev` says (null: no row yet); false when it moved on (another writer got there first).
   */
  record(prev: NotificationGroup | null, next: NotificationGroup, delivery: NewDelivery | null): Promise<boolean>;
}
