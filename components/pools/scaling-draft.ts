import { readNumber, secondsText, splitList, type DraftErrors } from './draft-numbers';
import type { PoolRow } from './types';

/** The autoscaling settings as typed: shared by the new-pool and the edit forms. Times in seconds. */
export interface ScalingDraft {
  minSize: string;
  maxSize: string;
  targetBacklogPerAgent: string;
  scaleUpCooldownS: string;
  scaleDownCooldownS: string;
  idleTimeoutS: string;
  /** One window per line: `Mon-Fri 22:00-06:00`. */
  sleepWindows: string;
  /** IANA name the windows are read in. */
  timeZone: string;
  enabled: boolean;
}

export type ScalingInput = Partial<
  Pick<
    PoolRow,
    | 'minSize'
    | 'maxSize'
    | 'targetBacklogPerAgent'
    | 'scaleUpCooldownMs'
    | 'scaleDownCooldownMs'
    | 'idleTimeoutMs'
    | 'sleepWindows'
    | 'timeZone'
    | 'enabled'
  >
>;

/** The server's defaults (server/core/pools/pool-input.ts), shown in a new pool's form. */
export const SCALING_DEFAULTS: ScalingDraft = {
  minSize: '0',
  maxSize: '5',
  targetBacklogPerAgent: '2',
  scaleUpCooldownS: '10',
  scaleDownCooldownS: '30',
  idleTimeoutS: '60',
  sleepWindows: '',
  timeZone: 'UTC',
  enabled: true,
};

export function scalingDraftOf(pool: PoolRow): ScalingDraft {
  return {
    minSize: String(pool.minSize),
    maxSize: String(pool.maxSize),
    targetBacklogPerAgent: String(pool.targetBacklogPerAgent),
    scaleUpCooldownS: secondsText(pool.scaleUpCooldownMs),
    scaleDownCooldownS: secondsText(pool.scaleDownCooldownMs),
    idleTimeoutS: secondsText(pool.idleTimeoutMs),
    sleepWindows: pool.sleepWindows.join('\n'),
    timeZone: pool.timeZone,
    enabled: pool.enabled,
  };
}

/** What to send, and the inputs that are not numbers (keyed by the API's field names). */
export function readScaling(d: ScalingDraft, errors: DraftErrors): ScalingInput {
  const input: ScalingInput = {
    minSize: readNumber(d.minSize, 'minSize', errors),
    maxSize: readNumber(d.maxSize, 'maxSize', errors),
    targetBacklogPerAgent: readNumber(d.targetBacklogPerAgent, 'targetBacklogPerAgent', errors),
    scaleUpCooldownMs: readNumber(d.scaleUpCooldownS, 'scaleUpCooldownMs', errors, 1000),
    scaleDownCooldownMs: readNumber(d.scaleDownCooldownS, 'scaleDownCooldownMs', errors, 1000),
    idleTimeoutMs: readNumber(d.idleTimeoutS, 'idleTimeoutMs', errors, 1000),
    sleepWindows: splitList(d.sleepWindows, /\n/),
    timeZone: d.timeZone.trim() || undefined,
    enabled: d.enabled,
  };
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as ScalingInput;
}

/** Only what differs from the pool as saved: an edit is a patch, so it never undoes someone else's change to another field. */
export function changedScaling(pool: PoolRow, input: ScalingInput): ScalingInput {
  const saved = readScaling(scalingDraftOf(pool), {});
  return Object.fromEntries(
    Object.entries(input).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(saved[k as keyof ScalingInput])),
  ) as ScalingInput;
}
