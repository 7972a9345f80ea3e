/**
 * Timestamps from order exports -> epoch ms. Hand-rolled scanner (no regex) because it runs on every row.
 *
 * Accepted shapes (date part, then an optional time part separated by a space or `T`):
 * - `yyyy-MM-dd`, `yyyy/M/d`, `yyyy.M.d` (year first)
 * - `M/d/yyyy` (US: SkyVerge, UCI copies); swapped to d/M when the first number is over 12
 * - `dd-MM-yyyy`, `dd.MM.yyyy` (day first: a UCI copy)
 * - `YYYYMMDD` (CDNOW)
 * - time `H:mm`, `H:mm:ss`, `H:mm:ss.fff`
 * - zone suffix `Z`, `+08:00`, `+0800`, `+08`, ` +0530` (Shopify); without one, the time is naive and read
 *   in the given IANA zone (see zone-offset.ts for DST gaps and overlaps)
 * - Excel serial day numbers (`45123.5`) from workbooks whose cells were not formatted, read as naive
 */
import { localToInstant } from './zone-offset.ts';

/** Default shop zone for naive times. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

class Cursor {
  i = 0;
  readonly s: string;
  constructor(s: string) {
    this.s = s;
  }
  /** Reads up to `max` digits; returns -1 when there are none. `len` holds how many were read. */
  len = 0;
  int(max = 9): number {
    let v = 0;
    let k = 0;
    const s = this.s;
    while (k < max && this.i < s.length) {
      const c = s.charCodeAt(this.i);
      if (c < 0x30 || c > 0x39) break;
      v = v * 10 + (c - 0x30);
      this.i++;
      k++;
    }
    this.len = k;
    return k === 0 ? -1 : v;
  }
  peek(): number {
    return this.i < this.s.length ? this.s.charCodeAt(this.i) : -1;
  }
  skipSpaces(): void {
    while (this.peek() === 0x20) this.i++;
  }
  done(): boolean {
    return this.i >= this.s.length;
  }
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function validDate(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  const max = m === 2 && isLeap(y) ? 29 : (DAYS_IN_MONTH[m - 1] ?? 31);
  return d <= max;
}

/**
 * Parses a timestamp cell (already cleaned) to epoch ms, or null when it is not a date we understand.
 * @example parseTime('2024-01-02 03:04:05', 'Asia/Shanghai') // Date.UTC(2024, 0, 1, 19, 4, 5)
 */
export function parseTime(raw: string, timeZone: string = DEFAULT_TIME_ZONE): number | null {
  const s = raw;
  if (s.length < 5) return null;
  const c = new Cursor(s);
  const a = c.int();
  const aLen = c.len;
  if (a < 0) return null;
  if (c.done()) {
    if (aLen === 8) {
      const y = Math.floor(a / 10000);
      const m = Math.floor(a / 100) % 100;
      const d = a % 100;
      return validDate(y, m, d) ? localToInstant(Date.UTC(y, m - 1, d), timeZone) : null;
    }
    return aLen === 5 ? excelSerial(s, timeZone) : null;
  }
  const sep = c.peek();
  if (sep === 0x2e /* . */ && aLen === 5) return excelSerial(s, timeZone);
  if (sep !== 0x2d && sep !== 0x2f && sep !== 0x2e) return null;
  c.i++;
  const b = c.int(2);
  if (b < 0 || c.peek() !== sep) return null;
  c.i++;
  const third = c.int(4);
  const thirdLen = c.len;
  if (third < 0) return null;
  let y: number;
  let m: number;
  let d: number;
  if (aLen === 4) {
    y = a;
    m = b;
    d = third;
  } else if (aLen <= 2 && thirdLen === 4) {
    y = third;
    if (sep === 0x2f) {
      // US month/day; tolerate day/month when the first number cannot be a month.
      m = a > 12 && b <= 12 ? b : a;
      d = a > 12 && b <= 12 ? a : b;
    } else {
      d = a;
      m = b;
    }
  } else return null;
  if (!validDate(y, m, d)) return null;
  let h = 0;
  let mi = 0;
  let sec = 0;
  let ms = 0;
  let offsetMin: number | null = null;
  if (!c.done()) {
    const p = c.peek();
    if (p === 0x54 /* T */ || p === 0x20) c.i++;
    else return null;
    c.skipSpaces();
    if (!c.done()) {
      h = c.int(2);
      if (h < 0 || c.peek() !== 0x3a) return null;
      c.i++;
      mi = c.int(2);
      if (mi < 0) return null;
      if (c.peek() === 0x3a) {
        c.i++;
        sec = c.int(2);
        if (sec < 0) return null;
        if (c.peek() === 0x2e || c.peek() === 0x2c) {
          c.i++;
          const f = c.int(9);
          if (f < 0) return null;
          ms = Math.floor(f / 10 ** Math.max(0, c.len - 3)) * 10 ** Math.max(0, 3 - c.len);
        }
      }
      c.skipSpaces();
      const z = c.peek();
      if (z === 0x5a /* Z */) {
        offsetMin = 0;
        c.i++;
      } else if (z === 0x2b || z === 0x2d) {
        c.i++;
        const oh = c.int(2);
        if (oh < 0 || c.len !== 2) return null;
        let om = 0;
        if (c.peek() === 0x3a) c.i++;
        if (!c.done()) {
          om = c.int(2);
          if (om < 0 || c.len !== 2) return null;
        }
        offsetMin = (z === 0x2d ? -1 : 1) * (oh * 60 + om);
      }
      c.skipSpaces();
      if (!c.done()) return null;
      if (h > 23 || mi > 59 || sec > 59) return null;
    }
  }
  const wall = Date.UTC(y, m - 1, d, h, mi, sec, ms);
  return offsetMin === null ? localToInstant(wall, timeZone) : wall - offsetMin * 60_000;
}

function excelSerial(s: string, timeZone: string): number | null {
  const v = Number(s);
  if (!Number.isFinite(v) || v < 20_000 || v > 80_000) return null;
  const wall = EXCEL_EPOCH + Math.round(v * 86_400) * 1000;
  return localToInstant(wall, timeZone);
}

/** Formats epoch ms as `YYYY-MM-DD` in UTC (for synthesized ids and birthdays). */
export function ymdUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
