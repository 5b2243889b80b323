import { describe, expect, it } from 'vitest';
import { EMPTY_RULE_DRAFT, formatDurationText, parseDuration, parseLabels, ruleInputFromDraft } from './rule-draft';

describe('rule draft', () => {
  it('reads durations the way operators write them, and writes them back short', () => {
    expect(parseDuration('90s')).toBe(90_000);
    expect(parseDuration('5m')).toBe(300_000);
    expect(parseDuration(' 1h ')).toBe(3_600_000);
    expect(parseDuration('30')).toBe(30_000);
    expect(parseDuration('0')).toBe(0);
    expect(parseDuration('soon')).toBeNull();
    expect(formatDurationText(300_000)).toBe('5m');
    expect(formatDurationText(90_000)).toBe('90s');
    expect(formatDurationText(0)).toBe('0s');
  });

  it('reads labels one per line and names the line it cannot read', () => {
    expect(parseLabels('team=gpu\n\n team = infra ')).toEqual({ labels: { team: 'infra' }, error: null });
    expect(parseLabels('team=gpu\noops').error).toBe('line 2: write name=value');
  });

  it('makes the create input, or names the fields the form can check itself', () => {
    const ok = ruleInputFromDraft({
      ...EMPTY_RULE_DRAFT,
      name: ' Deep GPU queue ',
      threshold: '20',
      forText: '2m',
      severity: 'critical',
      labelsText: 'team=gpu',
      summary: '{{value}} tasks wait for {{labels.capability}}',
      filters: [{ name: 'capability', op: '=', value: 'gpu' }],
    });
    expect(ok.input).toEqual({
      name: 'Deep GPU queue',
      metric: 'queue_depth',
      filters: [{ name: 'capability', op: '=', value: 'gpu' }],
      comparison: '>',
      threshold: 20,
      forMs: 120_000,
      severity: 'critical',
      labels: { team: 'gpu' },
      summary: '{{value}} tasks wait for {{labels.capability}}',
    });
    const bad = ruleInputFromDraft({ ...EMPTY_RULE_DRAFT, threshold: 'lots', forText: 'later', labelsText: 'x' });
    expect(bad.input).toBeNull();
    expect(Object.keys(bad.problems).sort()).toEqual(['forMs', 'labels', 'threshold']);
  });
});
