/**
 * Shop-local day numbers (days since 1970-01-01) ↔ calendar dates, proleptic Gregorian, integer
 * arithmetic only (H. Hinnant's civil-from-days algorithm), so no Date or time zone is involved.
 */

/** Day number of a calendar date (`month` 1–12). */
export function dayFromCivil(year: number, month: number, dayOfMonth: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + dayOfMonth - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Calendar date of a day number: `[year, month 1–12, day of month]`. */
export function civilFromDay(day: number): [number, number, number] {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [m <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, m, d];
}

/** Parses `YYYY-MM-DD` to a day number; throws on anything else (use for fixtures and config). */
export function parseDay(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m === null) throw new RangeError(`not a YYYY-MM-DD date: ${text}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const day = dayFromCivil(y, mo, d);
  const back = civilFromDay(day);
  if (back[1] !== mo || back[2] !== d) throw new RangeError(`no such date: ${text}`);
  return day;
}

/** Formats a day number as `YYYY-MM-DD`. */
export function formatDay(day: number): string {
  const [y, m, d] = civilFromDay(day);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Month index of a day number: `year * 12 + (month - 1)`; consecutive months differ by 1. */
export function monthOfDay(day: number): number {
  const [y, m] = civilFromDay(day);
  return y * 12 + m - 1;
}

/** Formats a month index as `YYYY-MM`. */
export function formatMonth(month: number): string {
  const y = Math.floor(month / 12);
  return `${String(y).padStart(4, '0')}-${String(month - y * 12 + 1).padStart(2, '0')}`;
}
