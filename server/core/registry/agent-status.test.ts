import { describe, expect, it } from 'vitest';
import type { AgentActivityState, AgentState } from '../model';
import { agentStatus, describeStatus } from './agent-status';

const AT = 1_700_000_000_000;
const report = (state: AgentActivityState, detail: string | null = null) => ({ state, detail, at: AT });
const describe_ = (status: AgentState, activeTasks: number, activity: ReturnType<typeof report> | null) =>
  describeStatus({ status, activeTasks, activity, workSince: activeTasks ? AT + 5_000 : null });

describe('one agent status', () => {
  it('is the stored state, with idle shown as busy while the agent holds work', () => {
    expect(agentStatus('idle', 0)).toBe('idle');
    expect(agentStatus('idle', 2)).toBe('busy');
    // Draining, unhealthy and the rest say more than "busy" does.
    expect(agentStatus('draining', 1)).toBe('draining');
    expect(agentStatus('unhealthy', 1)).toBe('unhealthy');
  });

  it('keeps a report that agrees with the tasks held', () => {
    expect(describe_('idle', 1, report('working', 'editing files'))).toEqual({
      status: 'busy',
      activity: report('working', 'editing files'),
    });
    expect(describe_('idle', 1, report('waiting-for-input', 'approve?'))).toEqual({
      status: 'busy',
      activity: report('waiting-for-input', 'approve?'),
    });
    expect(describe_('idle', 0, report('done', 'fix the bug'))).toEqual({
      status: 'idle',
      activity: report('done', 'fix the bug'),
    });
    expect(describe_('draining', 1, report('stalled'))).toEqual({ status: 'draining', activity: report('stalled') });
  });

  it('replaces a report the assignments contradict: work while holding none, none while holding some', () => {
    for (const state of ['working', 'waiting-for-input', 'stalled'] as const) {
      expect(describe_('idle', 0, report(state, 'old news'))).toEqual({
        status: 'idle',
        activity: { state: 'idle', detail: null, at: null },
      });
    }
    for (const state of ['idle', 'done', 'failed'] as const) {
      expect(describe_('idle', 1, report(state))).toEqual({
        status: 'busy',
        activity: { state: 'working', detail: null, at: AT + 5_000 },
      });
    }
  });

  it('keeps what routing acts on (rate-limited, stopping) whatever the tasks held', () => {
    expect(describe_('idle', 0, report('rate-limited', 'usage limit'))).toEqual({
      status: 'idle',
      activity: report('rate-limited', 'usage limit'),
    });
    expect(describe_('idle', 1, report('stopping'))).toEqual({ status: 'busy', activity: report('stopping') });
  });

  it('shows no activity for an agent whose worker is not running, or that never reported one', () => {
    for (const status of ['starting', 'offline', 'terminated'] as const)
      expect(describe_(status, 0, report('working')).activity).toBeNull();
    expect(describe_('idle', 1, null)).toEqual({ status: 'busy', activity: null });
  });
});
