/**
 * Sleep windows, cron-like and in UTC: `Mon-Fri 22:00-06:00`, `Sat,Sun 00:00-24:00`,
 * `daily 01:00-05:00`. A window that ends before it starts runs past midnight and belongs to
 * the day it starts on.
 */
export interface SleepWindow {
  days: Set<number>;
  fromMin: number;
  toMin: number;
  text: string;
}

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

export function parseSleepWindow(text: string): SleepWindow {
  const m = /^(\S+)\s+(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$/i.exec(text.trim());
  if (!m) throw new Error(`"${text}" is not a sleep window like "Mon-Fri 22:00-06:00" or "daily 01:00-05:00"`);
  const fromMin = minutes(+m[2], +m[3], text);
  const toMin = minutes(+m[4], +m[5], text);
  if (fromMin === toMin) throw new Error(`"${text}" is empty: it starts and ends at the same time`);
  return { days: parseDays(m[1], text), fromMin, toMin, text };
}

function minutes(h: number, min: number, text: string): number {
  if (h > 24 || min > 59 || (h === 24 && min > 0)) throw new Error(`"${text}" has a time past 24:00`);
  return h * 60 + min;
}

function parseDays(spec: string, text: string): Set<number> {
  const out = new Set<number>();
  if (/^(daily|\*)$/i.test(spec)) return new Set([0, 1, 2, 3, 4, 5, 6]);
  for (const part of spec.toLowerCase().split(',')) {
    const [a, b] = part.split('-');
    const from = DAYS.indexOf(a.slice(0, 3));
    const to = b === undefined ? from : DAYS.indexOf(b.slice(0, 3));
    if (from < 0 || to < 0) throw new Error(`"${text}": unknown day in "${part}" (use Mon..Sun, ranges like Mon-Fri, or daily)`);
    for (let d = from; ; d = (d + 1) % 7) {
      out.add(d);
      if (d === to) break;
    }
  }
  return out;
}

/** The first window `at` falls in, or null. */
export function activeSleepWindow(windows: readonly SleepWindow[], at: number): SleepWindow | null {
  const d = new Date(at);
  const day = d.getUTCDay();
  const min = d.getUTCHours() * 60 + d.getUTCMinutes();
  for (const w of windows) {
    if (w.fromMin < w.toMin) {
      if (w.days.has(day) && min >= w.fromMin && min < w.toMin) return w;
    } else if ((w.days.has(day) && min >= w.fromMin) || (w.days.has((day + 6) % 7) && min < w.toMin)) {
      return w;
    }
  }
  return null;
}
