import { describe, expect, it } from 'vitest';
import { activeSleepWindow, formatLocal, isTimeZone, parseSleepWindow, sleepsUntil } from './sleep-windows';

const at = (iso: string) => Date.parse(iso);

describe('sleep windows', () => {
  it('matches weekday ranges, including windows that run past midnight', () => {
    const w = [parseSleepWindow('Mon-Fri 22:00-06:00')];
    expect(activeSleepWindow(w, at('2026-11-23T23:30:00Z'))?.text).toBe('Mon-Fri 22:00-06:00'); // Monday night
    expect(activeSleepWindow(w, at('2026-11-24T05:59:00Z'))).not.toBeNull(); // Tuesday early, from Monday
    expect(activeSleepWindow(w, at('2026-11-24T06:00:00Z'))).toBeNull();
    expect(activeSleepWindow(w, at('2026-11-23T05:00:00Z'))).toBeNull(); // Monday early belongs to Sunday night
    expect(activeSleepWindow(w, at('2026-11-29T05:00:00Z'))).toBeNull(); // Sunday early, from Saturday: not in Mon-Fri
    expect(activeSleepWindow(w, at('2026-11-28T05:00:00Z'))).not.toBeNull(); // Saturday early, from Friday night
  });

  it('accepts daily, lists and whole days', () => {
    expect(activeSleepWindow([parseSleepWindow('daily 01:00-05:00')], at('2026-11-29T03:00:00Z'))).not.toBeNull();
    const weekend = parseSleepWindow('Sat,Sun 00:00-24:00');
    expect(activeSleepWindow([weekend], at('2026-11-29T12:00:00Z'))).not.toBeNull();
    expect(activeSleepWindow([weekend], at('2026-11-27T12:00:00Z'))).toBeNull();
  });

  it('refuses what it cannot read, saying why', () => {
    expect(() => parseSleepWindow('weekends')).toThrow(/not a sleep window/);
    expect(() => parseSleepWindow('Funday 01:00-02:00')).toThrow(/unknown day/);
    expect(() => parseSleepWindow('daily 25:00-02:00')).toThrow(/past 24:00/);
    expect(() => parseSleepWindow('daily 02:00-02:00')).toThrow(/empty/);
  });

  it("reads windows in the pool's time zone", () => {
    const night = [parseSleepWindow('Mon-Fri 22:00-06:00')];
    // 21:30 UTC on Monday is 22:30 in Berlin (winter, UTC+1) and 06:30 on Tuesday in Tokyo.
    const at9pm = at('2026-11-23T21:30:00Z');
    expect(activeSleepWindow(night, at9pm)).toBeNull();
    expect(activeSleepWindow(night, at9pm, 'Europe/Berlin')).not.toBeNull();
    expect(activeSleepWindow(night, at9pm, 'Asia/Tokyo')).toBeNull();
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });

  it('says when the pool wakes: the end of the windows in force, across windows that follow each other', () => {
    const weekend = [parseSleepWindow('Sat,Sun 00:00-24:00')];
    const sat = at('2026-11-28T12:34:56Z');
    expect(sleepsUntil(weekend, sat)).toBe(at('2026-11-30T00:00:00Z'));
    expect(formatLocal(sleepsUntil(weekend, sat)!, 'UTC')).toBe('Mon 00:00 UTC');
    // The same weekend read in New York ends at Monday 00:00 there, 05:00 UTC.
    expect(sleepsUntil(weekend, sat, 'America/New_York')).toBe(at('2026-11-30T05:00:00Z'));
    expect(formatLocal(at('2026-11-30T05:00:00Z'), 'America/New_York')).toBe('Mon 00:00 America/New_York');
    // A night window running into a morning one: asleep until the later end.
    const chained = ['daily 22:00-02:00', 'daily 02:00-07:30'].map(parseSleepWindow);
    expect(sleepsUntil(chained, at('2026-11-25T23:00:00Z'))).toBe(at('2026-11-26T07:30:00Z'));
    expect(sleepsUntil(chained, at('2026-11-25T12:00:00Z'))).toBe(at('2026-11-25T12:00:00Z'));
    expect(sleepsUntil([parseSleepWindow('daily 00:00-24:00')], sat)).toBeNull();
    expect(formatLocal(at('2026-11-30T05:06:07Z'), 'UTC', true)).toBe('Mon 05:06:07 UTC');
  });

  it('ends at the wall-clock time written, across a daylight-saving change', () => {
    // Berlin leaves summer time on Sunday 2026-10-25 at 03:00 (back to 02:00): 06:00 that day is 05:00 UTC.
    const night = [parseSleepWindow('Sat 22:00-06:00')];
    expect(sleepsUntil(night, at('2026-10-24T21:00:00Z'), 'Europe/Berlin')).toBe(at('2026-10-25T05:00:00Z'));
  });
});
