/**
 * Wall time in an IANA time zone ↔ instants, with Intl only (no tz database of our own).
 *
 * DST policy (used by cron and every "send at 10:00 shop time" rule):
 * - a wall time inside a spring-forward gap (02:30 on the day New York jumps 02:00 → 03:00) maps to
 *   the first instant after the gap (03:00 EDT): it runs late, once;
 * - a wall time inside a fall-back overlap (01:30 on the day New York repeats 01:00–01:59) maps to
 *   its first occurrence (01:30 EDT), never to the second.
 */

/** A wall-clock minute in some time zone; `month` 1–12. */
export interface WallTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    // Throws RangeError for an unknown zone; that is the validation.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether `timeZone` is an IANA zone name Intl knows (e.g. `Asia/Shanghai`). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

interface Fields {
  /** Intl's year of the era (1 BC is year 1 with a BC era); see `bc`. */
  year: number;
  bc: boolean;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function fieldsAt(ms: number, timeZone: string): Fields {
  const out: Fields = { year: 0, bc: false, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const p of formatterFor(timeZone).formatToParts(ms)) {
    if (p.type === 'era') out.bc = p.value.startsWith('B');
    else if (p.type === 'year' || p.type === 'month' || p.type === 'day' || p.type === 'hour' || p.type === 'minute' || p.type === 'second') {
      out[p.type] = Number(p.value);
    }
  }
  return out;
}

/** UTC offset (local − UTC) in milliseconds at instant `ms`. Throws RangeError for an unknown zone. */
export function offsetAt(ms: number, timeZone: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  const f = fieldsAt(whole, timeZone);
  return Date.UTC(f.bc ? 1 - f.year : f.year, f.month - 1, f.day, f.hour, f.minute, f.second) - whole;
}

/** Wall time (to the minute) of instant `ms` in `timeZone`. */
export function wallTimeAt(ms: number, timeZone: string): WallTime {
  const f = fieldsAt(ms, timeZone);
  return { year: f.year, month: f.month, day: f.day, hour: f.hour, minute: f.minute };
}

/** Local date and time of instant `ms` in `timeZone`, to the second; `year` is astronomical (1 BC is 0). */
export interface LocalDateTime extends WallTime {
  readonly second: number;
}

/** The local date and time of instant `ms` in `timeZone`. Throws RangeError for an unknown zone. */
export function localDateTimeAt(ms: number, timeZone: string): LocalDateTime {
  const f = fieldsAt(ms, timeZone);
  return { year: f.bc ? 1 - f.year : f.year, month: f.month, day: f.day, hour: f.hour, minute: f.minute, second: f.second };
}

/** Shop-local day number (days since 1970-01-01) of instant `ms` in `timeZone`. */
export function localDayAt(ms: number, timeZone: string): number {
  const local = ms + offsetAt(ms, timeZone);
  return Math.floor(local / 86_400_000);
}

/**
 * Instant of a wall time in `timeZone`, by the DST policy above (gap → first instant after the
 * gap; overlap → first occurrence). Seconds are 0. Throws RangeError for an unknown zone.
 */
export function instantOfWallTime(wall: WallTime, timeZone: string): number {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  // Any transition that matters lies within a day of the wall time; offsets on either side of it.
  const before = offsetAt(asUtc - 26 * HOUR_MS, timeZone);
  const after = offsetAt(asUtc + 26 * HOUR_MS, timeZone);
  const candidates = before === after ? [asUtc - before] : [asUtc - before, asUtc - after];
  let best: number | null = null;
  for (const t of candidates) {
    if (t + offsetAt(t, timeZone) === asUtc && (best === null || t < best)) best = t;
  }
  if (best !== null) return best;
  // Rare: the offsets 26 h away agree but something odd happens in between (two transitions).
  const direct = asUtc - offsetAt(asUtc, timeZone);
  if (direct + offsetAt(direct, timeZone) === asUtc) return direct;
  return firstInstantAfterGap(Math.min(...candidates, direct), Math.max(...candidates, direct), asUtc, timeZone);
}

/**
 * The wall time is skipped. Its instant under the old offset lies after the transition and its
 * instant under the new offset before it; the first instant whose local time is past the wall time
 * is the end of the gap. Binary search by minute (transitions fall on whole minutes).
 */
function firstInstantAfterGap(lo: number, hi: number, asUtc: number, timeZone: string): number {
  let a = Math.floor(lo / MINUTE_MS) - 1;
  let b = Math.ceil(hi / MINUTE_MS) + 1;
  while (b - a > 1) {
    const mid = Math.floor((a + b) / 2);
    const t = mid * MINUTE_MS;
    if (t + offsetAt(t, timeZone) > asUtc) b = mid;
    else a = mid;
  }
  return b * MINUTE_MS;
}
