import type { ClusterOptions } from './cluster/cluster-module';
import type { ContextPolicy } from './context/context-policy';
import type { WebhookSender } from './deliveries/ports';
import type { HeartbeatPolicy } from './health/heartbeat-sweep';
import type { HooksOptions } from './hooks/hooks-module';
import type { LogWakeups } from './log/ports';
import type { InputLimits } from './shared/input-limits';
import type { LeasePolicy } from './work/lease-policy';

/** How the composition root builds the core: loop intervals, policies, retention, and the outside parts it is given. */
export interface OrchestratorOptions {
  heartbeat?: Partial<HeartbeatPolicy>;
  /** Safety-net interval of the dispatcher; it also runs whenever work or capacity appears. */
  dispatchIntervalMs?: number;
  /** Least time between dispatch passes when kicked (and never less than the last pass took). */
  dispatchMinGapMs?: number;
  sweepIntervalMs?: number;
  redeliveryIntervalMs?: number;
  leaseSweepIntervalMs?: number;
  /** The lease rules the store applies; the core shows each active task's lease with them. */
  lease?: LeasePolicy;
  /** First cool-down of an open circuit breaker (it doubles on each failed probe, up to 5 min). */
  breakerCoolDownMs?: number;
  /** Terminated agents older than this are deleted (checked every minute). */
  terminatedRetentionMs?: number;
  /** Decision records kept (newest); older ones are pruned every minute. */
  decisionHistory?: number;
  sampleIntervalMs?: number;
  /** How long metric samples (the charts) are kept; default 7 days. */
  metricsRetentionMs?: number;
  /** Raw samples older than this are rolled up into 1- and 5-minute rows; default 6 hours. */
  metricsRawMs?: number;
  contextPolicy?: ContextPolicy;
  autoscaleIntervalMs?: number;
  /** Unmanaged agents idle this long go to sleep, and wake when matching work is queued (0: never). */
  idleSleepMs?: number;
  /** How managed agents reach this server. */
  serverUrl?: () => string;
  /** Largest result, progress message and labels the core stores. */
  inputLimits?: InputLimits;
  /** Tells the log reader that events were committed (without it, it polls). */
  logWakeups?: LogWakeups;
  /** How long events stay in the log; default 7 days. */
  eventRetentionMs?: number;
  /** The log reader's poll when no wake-up comes; default 1 s. */
  logPollMs?: number;
  /** How often alert rules are evaluated (default 5 s). */
  alertEvalIntervalMs?: number;
  /** How long a firing alert's condition stays clear before it resolves (default 30 s). */
  alertResolveDelayMs?: number;
  /** This replica, and the leader lease it competes for (cluster loops run on the leader only). */
  cluster?: ClusterOptions;
  /** The in-process plugins, and how long a vetoed task is held (hooks send through the delivery queue). */
  hooks?: Pick<HooksOptions, 'plugins' | 'holdBaseMs'>;
  /** Attempts of a webhook delivery before it fails (default 12), and the first retry wait (default 1 s, doubling). */
  deliveryRetry?: { maxAttempts?: number; baseMs?: number };
  /** Sends channels' and hooks' webhooks (the HTTP adapter); without it every delivery fails, saying so. */
  webhookSender?: WebhookSender;
  /** FLIGHTDECK_ALLOW_PRIVATE_WEBHOOKS: webhook URLs may be loopback or private addresses. */
  allowPrivateWebhooks?: boolean;
}
