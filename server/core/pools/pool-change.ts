import { formatDuration } from '../breakers/breaker-policy';
import type { Pool } from './pool-model';

/** An operator's change to a pool, as its decision timeline shows it. */
export interface PoolChange {
  action: 'enable' | 'disable' | 'edit';
  reason: string;
  /** The fields whose value changed. */
  fields: string[];
}

type Field = keyof Pool & string;

const LABELS: Partial<Record<Field, string>> = {
  name: 'name',
  capabilities: 'capabilities',
  provider: 'provider',
  providerSettings: 'provider settings',
  adapter: 'adapter',
  agentConcurrency: 'tasks per agent',
  minSize: 'min size',
  maxSize: 'max size',
  targetBacklogPerAgent: 'target backlog per agent',
  scaleUpCooldownMs: 'scale-up cool-down',
  scaleDownCooldownMs: 'scale-down cool-down',
  idleTimeoutMs: 'idle timeout',
  sleepWindows: 'sleep windows',
  timeZone: 'time zone',
};
const DURATIONS = new Set<Field>(['scaleUpCooldownMs', 'scaleDownCooldownMs', 'idleTimeoutMs']);

function shown(field: Field, value: unknown): string {
  if (DURATIONS.has(field)) return formatDuration(value as number);
  if (Array.isArray(value)) return value.length ? value.map(String).join(', ') : 'none';
  return String(value);
}

/**
 * What an update changed, in words ("edited by alice: max size 4 → 6"), or null when every value
 * sent equals the one stored. Provider settings may hold secrets: only that they changed is said.
 */
export function describePoolChange(before: Pool, after: Pool, sent: readonly string[], by: string): PoolChange | null {
  const fields = sent
    .filter((k): k is Field => k in LABELS || k === 'enabled')
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  if (!fields.length) return null;
  const parts = fields
    .filter((k) => k !== 'enabled')
    .map((k) =>
      k === 'providerSettings'
        ? 'provider settings changed'
        : `${LABELS[k]} ${shown(k, before[k])} → ${shown(k, after[k])}`,
    );
  if (fields.includes('enabled')) {
    const verb = after.enabled ? 'enabled' : 'disabled';
    const effect = after.enabled
      ? 'the autoscaler sizes it to its backlog again'
      : 'the autoscaler leaves it and its agents alone';
    return {
      action: after.enabled ? 'enable' : 'disable',
      fields,
      reason: `${verb} by ${by}: ${[effect, ...parts].join('; ')}`,
    };
  }
  return { action: 'edit', fields, reason: `edited by ${by}: ${parts.join(', ')}` };
}
