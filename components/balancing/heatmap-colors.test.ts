import { describe, expect, it } from 'vitest';
import { distinctLabels, truncateMiddle, utilisationColor } from './heatmap-colors';

describe('agent labels and heatmap colours', () => {
  it('keeps both ends of a long name, and lengthens labels that would read alike', () => {
    expect(truncateMiddle('scale-agent-0010', 20)).toBe('scale-agent-0010');
    expect(truncateMiddle('scale-test-agent-number-10', 11)).toBe('scale…er-10');
    const names = ['loadtest-worker-alpha-0001', 'loadtest-worker-beta-0001', 'short'];
    const labels = distinctLabels(names, 9);
    expect(new Set(labels).size).toBe(3);
    expect(labels[2]).toBe('short');
  });

  it('colours full cells darker than idle ones, and gaps not at all', () => {
    expect(utilisationColor(null)).toBe('transparent');
    const alpha = (c: string) => Number(c.slice(c.lastIndexOf(',') + 1, -1));
    expect(alpha(utilisationColor(1))).toBeGreaterThan(alpha(utilisationColor(0.5)));
    expect(alpha(utilisationColor(0))).toBeGreaterThan(0);
  });
});
