/**
 * When does a rate limit lift? The CLIs say it in prose, each its own way:
 *   claude  "You've hit your session limit · resets 3pm (Europe/Berlin)", or "…limit reached|1760000000"
 *   codex   "…or try again at 3:04 PM." / "…try again at Sep 18th, 2025 4:07 PM." (local time)
 *   gemini  "Your quota will reset after 8h44m7s." / "Please retry in 41.5s" / "Suggested retry after 60s."
 * Each returns epoch ms, or undefined when the text gives no time.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export function findResetAt(text: string, now = Date.now()): number | undefined {
  const epoch = /limit reached\|(\d{10,13})/i.exec(text);
  if (epoch) return toEpochMs(Number(epoch[1]));

  const after = /(?:reset after|retry in|retry after|try again in)\s+((?:\d+(?:\.\d+)?\s*(?:ms|h|m|s)\s*)+)/i.exec(
    text,
  );
  if (after) {
    const ms = parseDuration(after[1]);
    if (ms !== undefined) return now + ms;
  }

  const dated =
    /(?:try again at|resets)\s+([A-Z][a-z]{2})\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(?:(\d{4}),?\s+)?(\d{1,2})(?::(\d{2}))?\s*([ap]m)(?:\s*\(([^)]+)\))?/i.exec(
      text,
    );
  if (dated) {
    const month = MONTHS.indexOf(dated[1].toLowerCase());
    const zone = validZone(dated[7]);
    if (month >= 0) {
      const wall = {
        year: Number(dated[3] ?? wallClock(now, zone).year),
        month,
        day: Number(dated[2]),
        hour: hour24(dated[4], dated[6]),
        minute: Number(dated[5] ?? 0),
      };
      const at = wallTimeToEpoch(wall, zone);
      // "Jan 2" read in late December is next year's.
      return at < now - 86_400_000 && !dated[3] ? wallTimeToEpoch({ ...wall, year: wall.year + 1 }, zone) : at;
    }
  }

  const clock = /(?:try again at|resets(?: at)?)\s+(\d{1,2})(?::(\d{2}))?\s*([ap]m)(?:\s*\(([^)]+)\))?/i.exec(text);
  if (clock) return nextClockTime(hour24(clock[1], clock[3]), Number(clock[2] ?? 0), now, validZone(clock[4]));
  return undefined;
}

/** "2h1m5s", "41.509s", "500ms" → milliseconds. */
export function parseDuration(text: string): number | undefined {
  let total = 0;
  let seen = false;
  for (const m of text.matchAll(/(\d+(?:\.\d+)?)\s*(ms|h|m|s)/gi)) {
    const n = Number(m[1]);
    const unit = m[2].toLowerCase();
    total += unit === 'h' ? n * 3_600_000 : unit === 'm' ? n * 60_000 : unit === 's' ? n * 1000 : n;
    seen = true;
  }
  return seen ? Math.round(total) : undefined;
}

/**
 * The shell protocol's `::rate-limited` argument: an ISO time, epoch seconds (or ms), or
 * "+seconds" from now.
 */
export function parseResetArgument(arg: string, now = Date.now()): number | undefined {
  const value = arg.trim();
  if (/^\+\d+(\.\d+)?$/.test(value)) return now + Math.round(Number(value.slice(1)) * 1000);
  if (/^\d{9,13}$/.test(value)) return toEpochMs(Number(value));
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? undefined : parsed;
}

function toEpochMs(n: number): number {
  return n < 1e12 ? n * 1000 : n;
}

function hour24(hour: string, meridiem: string): number {
  const h = Number(hour) % 12;
  return meridiem.toLowerCase() === 'pm' ? h + 12 : h;
}

function validZone(zone: string | undefined): string | undefined {
  if (!zone) return undefined;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone;
  } catch {
    return undefined;
  }
}

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** The next time the clock in `zone` (default: this machine's) shows hour:minute. */
function nextClockTime(hour: number, minute: number, now: number, zone?: string): number {
  const today = wallClock(now, zone);
  const at = wallTimeToEpoch({ ...today, hour, minute }, zone);
  // A time just passed is "now" (the CLI rounded down); earlier than that means tomorrow.
  return at < now - 60_000 ? wallTimeToEpoch({ ...today, day: today.day + 1, hour, minute }, zone) : at;
}

function wallClock(epoch: number, zone?: string): WallTime {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    })
      .formatToParts(new Date(epoch))
      .map((p) => [p.type, Number(p.value)]),
  );
  return { year: parts.year, month: parts.month - 1, day: parts.day, hour: parts.hour, minute: parts.minute };
}

/** Epoch ms of a wall-clock time in `zone`; re-checks the offset once for DST edges. */
function wallTimeToEpoch(t: WallTime, zone?: string): number {
  const naive = Date.UTC(t.year, t.month, t.day, t.hour, t.minute);
  let at = naive - offsetAt(naive, zone);
  at = naive - offsetAt(at, zone);
  return at;
}

function offsetAt(epoch: number, zone?: string): number {
  const w = wallClock(epoch, zone);
  return Date.UTC(w.year, w.month, w.day, w.hour, w.minute) - Math.floor(epoch / 60_000) * 60_000;
}
