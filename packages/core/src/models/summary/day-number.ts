/** Day numbers (whole days since 1970-01-01, UTC) used by the transaction columns. */

const MS_PER_DAY = 86_400_000;

/** Day number of a calendar date (month 1–12). */
export function dayNumberFromYmd(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** Day number of a compact YYYYMMDD integer such as 19970930. */
export function dayNumberFromCompact(yyyymmdd: number): number {
  const y = Math.floor(yyyymmdd / 10000);
  const m = Math.floor((yyyymmdd % 10000) / 100);
  return dayNumberFromYmd(y, m, yyyymmdd % 100);
}
