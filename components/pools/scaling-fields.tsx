'use client';

import { PoolInputField } from './pool-input-field';
import type { ScalingDraft } from './scaling-draft';

interface ScalingFieldsProps {
  value: ScalingDraft;
  onChange: (next: ScalingDraft) => void;
  /** Messages by the API's field names (`maxSize`, `scaleUpCooldownMs`…). */
  errors: Record<string, string>;
  disabled?: boolean;
}

/** Size bounds, the backlog target, cool-downs, idle timeout, sleep windows and the on/off switch. */
export function ScalingFields({ value: v, onChange, errors, disabled }: ScalingFieldsProps) {
  const set = (patch: Partial<ScalingDraft>) => onChange({ ...v, ...patch });
  return (
    <fieldset disabled={disabled} className="min-w-0 space-y-3">
      <legend className="mb-2 text-sm font-medium">Autoscaling</legend>
      <div className="grid grid-cols-2 gap-x-3 gap-y-3 sm:grid-cols-3">
        <PoolInputField
          label="Min size"
          name="minSize"
          numeric
          value={v.minSize}
          onChange={(minSize) => set({ minSize })}
          error={errors.minSize}
          help="Agents kept even when idle (asleep if nothing to do)."
        />
        <PoolInputField
          label="Max size"
          name="maxSize"
          numeric
          value={v.maxSize}
          onChange={(maxSize) => set({ maxSize })}
          error={errors.maxSize}
          help="Never more agents than this."
        />
        <PoolInputField
          label="Target backlog per agent"
          name="targetBacklogPerAgent"
          numeric
          value={v.targetBacklogPerAgent}
          onChange={(targetBacklogPerAgent) => set({ targetBacklogPerAgent })}
          error={errors.targetBacklogPerAgent}
          help="Queued tasks per awake agent: backlog 42 at 5 wants 9 agents."
        />
        <PoolInputField
          label="Scale-up cool-down"
          name="scaleUpCooldownS"
          numeric
          unit="s"
          value={v.scaleUpCooldownS}
          onChange={(scaleUpCooldownS) => set({ scaleUpCooldownS })}
          error={errors.scaleUpCooldownMs}
          help="Wait after growing before growing again."
        />
        <PoolInputField
          label="Scale-down cool-down"
          name="scaleDownCooldownS"
          numeric
          unit="s"
          value={v.scaleDownCooldownS}
          onChange={(scaleDownCooldownS) => set({ scaleDownCooldownS })}
          error={errors.scaleDownCooldownMs}
          help="Wait after shrinking before shrinking again."
        />
        <PoolInputField
          label="Idle timeout"
          name="idleTimeoutS"
          numeric
          unit="s"
          value={v.idleTimeoutS}
          onChange={(idleTimeoutS) => set({ idleTimeoutS })}
          error={errors.idleTimeoutMs}
          help="Idle this long: agents above the minimum go, the rest sleep."
        />
      </div>
      <div className="grid gap-3 sm:grid-cols-3">
        <PoolInputField
          label="Sleep windows"
          name="sleepWindows"
          rows={2}
          mono
          value={v.sleepWindows}
          onChange={(sleepWindows) => set({ sleepWindows })}
          error={errors.sleepWindows}
          placeholder={'Mon-Fri 22:00-06:00\nSat-Sun 00:00-24:00'}
          className="sm:col-span-2"
          help="One per line, in the time zone beside (“Mon-Fri 22:00-06:00”, “daily 01:00-05:00”). Inside a window idle agents sleep and queued work waits: the pool's page and the tasks say until when."
        />
        <PoolInputField
          label="Time zone"
          name="timeZone"
          mono
          value={v.timeZone}
          onChange={(timeZone) => set({ timeZone })}
          error={errors.timeZone}
          placeholder="UTC"
          help="IANA name, e.g. UTC, Europe/Berlin, America/New_York."
        />
      </div>
      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          name="enabled"
          checked={v.enabled}
          onChange={(e) => set({ enabled: e.target.checked })}
          className="mt-0.5 h-4 w-4 rounded border-slate-300 text-indigo-600 focus:ring-indigo-500"
        />
        <span>
          <span className="font-medium">Enabled</span>
          <span className="block text-[11px] text-slate-500 dark:text-slate-400">
            {errors.enabled ?? 'A disabled pool keeps its agents but the autoscaler leaves it alone.'}
          </span>
        </span>
      </label>
    </fieldset>
  );
}
