import type { StrategyInfo, StrategyName } from './types';

/** A strategy form's state: weights as typed (strings), one per parameter of the strategy. */
export interface StrategyDraft {
  name: StrategyName;
  weights: Record<string, string>;
}

export interface StrategyConfig {
  name: StrategyName;
  weights?: Record<string, number>;
}

/** The form for `name`, filled with `weights` where given and the strategy's defaults elsewhere. */
export function draftFor(
  strategies: readonly StrategyInfo[],
  name: StrategyName,
  weights: Record<string, number> = {},
): StrategyDraft {
  const defaults = strategies.find((s) => s.name === name)?.weights ?? {};
  return { name, weights: Object.fromEntries(Object.entries(defaults).map(([k, d]) => [k, String(weights[k] ?? d)])) };
}

/**
 * What to send: only the weights that differ from the defaults, so the history shows what
 * an operator changed. An emptied input means "the default"; anything else is sent as typed
 * and the server says what is wrong with it.
 */
export function draftToConfig(strategies: readonly StrategyInfo[], draft: StrategyDraft): StrategyConfig {
  const defaults: Record<string, number> = strategies.find((s) => s.name === draft.name)?.weights ?? {};
  const weights: Record<string, number> = {};
  for (const [k, raw] of Object.entries(draft.weights)) {
    if (raw.trim() === '') continue;
    const n = Number(raw);
    if (n !== defaults[k]) weights[k] = n;
  }
  return Object.keys(weights).length ? { name: draft.name, weights } : { name: draft.name };
}

/**
 * The weights the server would refuse, by name, with its own words: checked before asking the
 * operator to confirm, so a confirmation is never spent on a change that cannot be saved.
 */
export function draftProblems(draft: StrategyDraft): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const [k, raw] of Object.entries(draft.weights)) {
    if (raw.trim() === '') continue;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < 0) problems[k] = `weight "${k}" must be a finite number ≥ 0`;
  }
  return problems;
}
