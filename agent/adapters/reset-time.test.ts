import { describe, expect, it } from 'vitest';
import { findResetAt, parseDuration, parseResetArgument } from './reset-time';

const now = Date.UTC(2026, 10, 24, 12, 30, 0);

describe('reset times in CLI prose', () => {
  it('reads durations', () => {
    expect(parseDuration('8h44m7s')).toBe((8 * 3600 + 44 * 60 + 7) * 1000);
    expect(parseDuration('41.509s')).toBe(41_509);
    expect(parseDuration('500ms')).toBe(500);
    expect(parseDuration('soon')).toBeUndefined();
  });

  it('reads gemini and OpenAI wordings relative to now', () => {
    expect(findResetAt('Your quota will reset after 53s.', now)).toBe(now + 53_000);
    expect(findResetAt('Quota exceeded for metric … Please retry in 41.5s', now)).toBe(now + 41_500);
    expect(findResetAt('Suggested retry after 60s.', now)).toBe(now + 60_000);
  });

  it('reads claude clock times in the zone it names, rolling over to tomorrow', () => {
    expect(findResetAt("You've hit your session limit · resets 4pm (UTC)", now)).toBe(Date.UTC(2026, 10, 24, 16, 0));
    expect(findResetAt("You've hit your weekly limit · resets 9:30am (UTC)", now)).toBe(Date.UTC(2026, 10, 25, 9, 30));
    expect(findResetAt('resets 5pm (Europe/Berlin)', now)).toBe(Date.UTC(2026, 10, 24, 16, 0));
    expect(findResetAt('resets Nov 27, 3pm (America/New_York)', now)).toBe(Date.UTC(2026, 10, 27, 20, 0));
  });

  it('reads codex local times, with and without a date', () => {
    const local = new Date(2026, 10, 24, 10, 0).getTime();
    expect(findResetAt('or try again at 3:04 PM.', local)).toBe(new Date(2026, 10, 24, 15, 4).getTime());
    expect(findResetAt('Try again at Nov 26th, 2026 4:07 PM.', local)).toBe(new Date(2026, 10, 26, 16, 7).getTime());
  });

  it('reads the epoch after the pipe of the older claude message, and nothing from plain text', () => {
    expect(findResetAt('Claude AI usage limit reached|1760000000', now)).toBe(1_760_000_000_000);
    expect(findResetAt('rate limited, try again later', now)).toBeUndefined();
  });

  it('reads the shell protocol argument', () => {
    expect(parseResetArgument('+90', now)).toBe(now + 90_000);
    expect(parseResetArgument('1760000000', now)).toBe(1_760_000_000_000);
    expect(parseResetArgument('2026-11-24T13:00:00Z', now)).toBe(Date.UTC(2026, 10, 24, 13, 0));
    expect(parseResetArgument('whenever', now)).toBeUndefined();
  });
});
