import type { Logger } from '../ports';
import type { HookEvent } from './catalogue';
import type { PreAssignRequest } from './pre-assign-answer';
import { DEFAULT_PRE_ASSIGN_TIMEOUT_MS, type AssignmentReviewer } from './reviewer';

/**
 * An in-process plugin (`FLIGHTDECK_PLUGINS`): the module's default export. Same shapes as the
 * webhooks: `onEvent` gets catalogue events (the body of an event delivery), `preAssign` the
 * pre-assignment request's `task` and `agent` and answers like the hook.
 */
export interface Plugin {
  name: string;
  onEvent?(event: HookEvent): unknown;
  preAssign?(task: PreAssignRequest['task'], agent: PreAssignRequest['agent']): unknown;
}

/** A plugin's preAssign as a reviewer: fail-open within the default time limit (it runs in our process). */
export function pluginReviewer(plugin: Plugin): AssignmentReviewer {
  return {
    label: `plugin ${plugin.name}`,
    timeoutMs: DEFAULT_PRE_ASSIGN_TIMEOUT_MS,
    failMode: 'open',
    ask: async (req) => plugin.preAssign!(req.task, req.agent),
  };
}

/** Hands an event to each plugin; one that throws (or rejects) is logged and the rest go on. */
export function notifyPlugins(plugins: readonly Plugin[], event: HookEvent, log: Logger): void {
  for (const p of plugins) {
    if (!p.onEvent) continue;
    try {
      const r = p.onEvent(event);
      if (r instanceof Promise)
        r.catch((err: unknown) => log.error({ err, plugin: p.name, event: event.event }, 'plugin onEvent failed'));
    } catch (err) {
      log.error({ err, plugin: p.name, event: event.event }, 'plugin onEvent failed');
    }
  }
}
