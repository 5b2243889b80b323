import { describe, expect, it } from 'vitest';
import { matchesPoolSearch } from './pool-search';

const pool = {
  name: 'gpu-workers',
  capabilities: ['cuda', 'python'],
  provider: 'docker' as const,
  adapter: 'shell' as const,
};

describe('the pools search', () => {
  it('matches the name, a capability, the provider or the adapter, in any case', () => {
    for (const q of ['gpu', 'WORKERS', 'cuda', 'pyth', 'docker', 'shell', ''])
      expect(matchesPoolSearch(pool, q), q).toBe(true);
    expect(matchesPoolSearch(pool, 'typescript')).toBe(false);
  });

  it('needs every word', () => {
    expect(matchesPoolSearch(pool, 'gpu  cuda')).toBe(true);
    expect(matchesPoolSearch(pool, 'gpu rust')).toBe(false);
  });
});
