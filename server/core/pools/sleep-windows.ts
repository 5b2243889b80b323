/**
 * Sleep windows, cron-like, read in the pool's IANA time zone: `Mon-Fri 22:00-06:00`,
 * `Sat,Sun 00:00-24:00`, `daily 01:00-05:00`. A window that ends before it starts runs past
 * midnight and belongs to the day it starts on.
 */
export interface SleepWindow {
  days: Set<number>;
  fromMin: number;
  toMin: number;
  text: string;
}

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const DAY_LABELS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MINUTE = 60_000;

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
    if (from < 0 || to < 0)
      throw new Error(`"${text}": unknown day in "${part}" (use Mon..Sun, ranges like Mon-Fri, or daily)`);
    for (let d = from; ; d = (d + 1) % 7) {
      out.add(d);
      if (d === to) break;
    }
  }
  return out;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether the runtime knows `name` as an IANA time zone (`UTC`, `Europe/Berlin`). */
export function isTimeZone(name: string): boolean {
  try {
    formatter(name);
    return true;
  } catch {
    return false;
  }
}

/** The weekday (0 = Sunday), minute of the day and second of the minute at `at` in `timeZone`. */
function localTime(at: number, timeZone: string): { day: number; minute: number; second: number } {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(new Date(at))
      .map((p) => [p.type, p.value]),
  );
  return {
    day: DAY_LABELS.indexOf(parts.weekday),
    minute: Number(parts.hour) * 60 + Number(parts.minute),
    second: Number(parts.second),
  };
}

/** `Mon 00:00 UTC`, or with seconds `Mon 10:22:03 Europe/Berlin`: a time as the pool's operators read it. */
export function formatLocal(at: number, timeZone: string, withSeconds = false): string {
  const t = localTime(at, timeZone);
  const hhmm = `${String(Math.floor(t.minute / 60)).padStart(2, '0')}:${String(t.minute % 60).padStart(2, '0')}`;
  return `${DAY_LABELS[t.day]} ${hhmm}${withSeconds ? `:${String(t.second).padStart(2, '0')}` : ''} ${timeZone}`;
}

/** The first window `at` falls in (read in `timeZone`), or null. */
export function activeSleepWindow(windows: readonly SleepWindow[], at: number, timeZone = 'UTC'): SleepWindow | null {
  if (!windows.length) return null;
  const { day, minute } = localTime(at, timeZone);
  return windows.find((w) => minutesLeft(w, day, minute) !== null) ?? null;
}

/** Minutes from `minute` of `day` to the end of `w`, or null when that moment is outside it. */
function minutesLeft(w: SleepWindow, day: number, minute: number): number | null {
  if (w.fromMin < w.toMin) return w.days.has(day) && minute >= w.fromMin && minute < w.toMin ? w.toMin - minute : null;
  if (w.days.has(day) && minute >= w.fromMin) return 1440 - minute + w.toMin;
  if (w.days.has((day + 6) % 7) && minute < w.toMin) return w.toMin - minute;
  return null;
}

/**
 * When the pool wakes: the first moment from `at` on that no window covers (a window starting as
 * another ends continues the sleep), or null when the windows never end (`daily 00:00-24:00`).
 */
export function sleepsUntil(windows: readonly SleepWindow[], at: number, timeZone = 'UTC'): number | null {
  let t = at;
  for (let hop = 0; hop < 64; hop++) {
    const { day, minute, second } = localTime(t, timeZone);
    const left = windows.map((w) => minutesLeft(w, day, minute)).filter((n): n is number => n !== null);
    if (!left.length) return t;
    const target = (minute + Math.max(...left)) % 1440;
    let next = t - second * 1_000 - (t % 1_000) + Math.max(...left) * MINUTE;
    // Across a daylight-saving change the wall clock jumps: land on the window's end as written.
    const drift = ((target - localTime(next, timeZone).minute + 2160) % 1440) - 720;
    next += drift * MINUTE;
    if (next <= t) return null;
    t = next;
  }
  return null;
}
