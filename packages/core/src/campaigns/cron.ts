/**
 * Next run times of a cron expression in a shop's IANA time zone, with Intl only.
 *
 * DST (see `zoned-time.ts`): a run whose wall time falls in a spring-forward gap runs once, at the
 * first minute after the gap (New York, 2nd Sunday of March: `30 2 * * *` runs at 03:00 EDT; if the
 * expression also names 03:00, that is one run, not two). A wall time repeated by a fall-back
 * overlap runs once, at its first occurrence (`30 1 * * *` runs at 01:30 EDT, not again at 01:30 EST).
 */
import { civilFromDay, dayFromCivil } from '../analytics/calendar.ts';
import { daysInMonth, weekdayOf } from './days.ts';
import { parseCronOrThrow, type Cron } from './cron-parse.ts';
import { instantOfWallTime, offsetAt, wallTimeAt } from './zoned-time.ts';

/** Days without a matching day after which the search gives up (covers Feb 29 across 2100). */
const MAX_IDLE_DAYS = 366 * 9;
const HOUR_MS = 3_600_000;

/** Whether the expression's month and day fields match a shop-local day number (classic OR rule). */
export function cronMatchesDay(cron: Cron, day: number): boolean {
  const [y, m, d] = civilFromDay(day);
  if (!cron.months.includes(m)) return false;
  const dom = cron.daysOfMonth.includes(d) || (cron.lastDayOfMonth && d === daysInMonth(y, m));
  const dow = cron.daysOfWeek.includes(weekdayOf(day));
  return cron.dayOfMonthRestricted && cron.dayOfWeekRestricted ? dom || dow : dom && dow;
}

/**
 * The next `count` run instants (epoch ms, strictly after `fromMs`, increasing, no duplicates) of
 * `cron` in `timeZone`. Returns fewer when no day matches for nine years (Feb 29 across 2100 still
 * works; a day rule that never matches, e.g. `0 0 31 4 *`, is already rejected by `parseCron`). Throws RangeError for an unknown time
 * zone, a bad count, or (when `cron` is a string) a bad expression.
 */
export function nextOccurrences(cron: Cron | string, fromMs: number, timeZone: string, count: number): number[] {
  const c = typeof cron === 'string' ? parseCronOrThrow(cron) : cron;
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number ≥ 0, got ${count}`);
  if (!Number.isFinite(fromMs)) throw new RangeError(`fromMs must be finite, got ${fromMs}`);
  const out: number[] = [];
  if (count === 0) return out;
  const start = wallTimeAt(fromMs, timeZone);
  const startDay = dayFromCivil(start.year, start.month, start.day);
  let last = fromMs;
  for (let day = startDay, idle = 0; out.length < count && idle <= MAX_IDLE_DAYS; day++) {
    if (!cronMatchesDay(c, day)) {
      idle++;
      continue;
    }
    idle = 0;
    const [year, month, dom] = civilFromDay(day);
    const midnightAsUtc = Date.UTC(year, month - 1, dom);
    // One offset for the whole day unless a transition is near: then the careful path per minute.
    const offset = offsetAt(midnightAsUtc - 30 * HOUR_MS, timeZone);
    const steady = offset === offsetAt(midnightAsUtc + 54 * HOUR_MS, timeZone);
    for (const hour of c.hours) {
      if (day === startDay && hour < start.hour) continue;
      for (const minute of c.minutes) {
        // Earlier wall times of the first day map to instants ≤ fromMs under the DST policy.
        if (day === startDay && hour === start.hour && minute < start.minute) continue;
        const wall = { year, month, day: dom, hour, minute };
        const t = steady ? midnightAsUtc + (hour * 60 + minute) * 60_000 - offset : instantOfWallTime(wall, timeZone);
        if (t > last) {
          out.push(t);
          last = t;
          if (out.length === count) return out;
        }
      }
    }
  }
  return out;
}
