import { describe, expect, it } from 'vitest';
import { draftFor, draftToConfig } from './strategy-draft';
import type { StrategyInfo } from './types';

const strategies: StrategyInfo[] = [
  { name: 'composite', description: '', weights: { load: 3, health: 1 } },
  { name: 'round-robin', description: '', weights: {} },
];

describe('strategy drafts', () => {
  it('fills every parameter, from the given weights or the defaults', () => {
    expect(draftFor(strategies, 'composite', { load: 5 })).toEqual({
      name: 'composite',
      weights: { load: '5', health: '1' },
    });
    expect(draftFor(strategies, 'round-robin')).toEqual({ name: 'round-robin', weights: {} });
  });

  it('sends only the weights that differ from the defaults; an empty input means the default', () => {
    expect(draftToConfig(strategies, { name: 'composite', weights: { load: '3', health: '' } })).toEqual({
      name: 'composite',
    });
    expect(draftToConfig(strategies, { name: 'composite', weights: { load: '4.5', health: '1' } })).toEqual({
      name: 'composite',
      weights: { load: 4.5 },
    });
    // Left for the server to refuse, with a message naming the field.
    expect(draftToConfig(strategies, { name: 'composite', weights: { load: '-1', health: '1' } })).toEqual({
      name: 'composite',
      weights: { load: -1 },
    });
  });
});
