import { describe, expect, it } from 'vitest';
import { activeSleepWindow, parseSleepWindow } from './sleep-windows';

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
});
