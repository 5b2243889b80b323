import path from 'node:path';
import type { AdapterEvent, StreamParser } from '../adapters/adapter';
import { RECORDINGS } from './fake-clis';
import { readRecording } from './recording.mjs';

/** Feeds a recording through a parser as run-cli would, and returns every event. */
export function replay(parser: StreamParser, recording: string, now = Date.now()): AdapterEvent[] {
  const { exitCode, steps } = readRecording(path.join(RECORDINGS, recording), now);
  const events: AdapterEvent[] = [];
  for (const step of steps) {
    if (step.kind === 'stdout' && step.value !== '') events.push(...parser.parse(String(step.value), 'stdout'));
    if (step.kind === 'stderr') events.push(...parser.parse(String(step.value), 'stderr'));
  }
  events.push(...(parser.end?.(exitCode) ?? []));
  return events;
}

export function ofType<T extends AdapterEvent['type']>(
  events: AdapterEvent[],
  type: T,
): Extract<AdapterEvent, { type: T }>[] {
  return events.filter((e): e is Extract<AdapterEvent, { type: T }> => e.type === type);
}
