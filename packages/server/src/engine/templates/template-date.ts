/**
 * The `date` filter's formatting: tokens YYYY YY MM M DD D HH H mm ss, everything else literal (so
 * `M月D日` works). A date-only value (`2025-03-08`) is a calendar date and is never shifted; instants (Date
 * objects, epoch milliseconds, ISO strings with a time) are shown in the render's time zone (core's zoned time).
 */
import { localDateTimeAt } from '@huitou/core';
import type { LocalDateTime } from '@huitou/core';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
const TOKENS = /YYYY|YY|MM|M|DD|D|HH|H|mm|ss/g;

function instantParts(ms: number, timeZone: string): LocalDateTime | null {
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return null;
  return localDateTimeAt(ms, timeZone);
}

function partsOf(value: unknown, timeZone: string): LocalDateTime | null {
  if (value instanceof Date) return instantParts(value.getTime(), timeZone);
  if (typeof value === 'number') return instantParts(value, timeZone);
  if (typeof value !== 'string') return null;
  const text = value.trim();
  const dateOnly = DATE_ONLY.exec(text);
  if (dateOnly !== null) {
    const [year, month, day] = [Number(dateOnly[1]), Number(dateOnly[2]), Number(dateOnly[3])];
    if (month < 1 || month > 12 || day < 1 || day > 31) return null;
    return { year, month, day, hour: 0, minute: 0, second: 0 };
  }
  return ISO_INSTANT.test(text) ? instantParts(Date.parse(text), timeZone) : null;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Formats `value` with `pattern`, or '' when it is not a date. Throws RangeError for an unknown time zone. */
export function formatDate(value: unknown, pattern: string, timeZone: string): string {
  const p = partsOf(value, timeZone);
  if (p === null) return '';
  return pattern.replace(TOKENS, (token) => {
    switch (token) {
      case 'YYYY':
        return p.year < 0 ? `-${pad(-p.year, 4)}` : pad(p.year, 4);
      case 'YY':
        return pad(((p.year % 100) + 100) % 100, 2);
      case 'MM':
        return pad(p.month, 2);
      case 'M':
        return String(p.month);
      case 'DD':
        return pad(p.day, 2);
      case 'D':
        return String(p.day);
      case 'HH':
        return pad(p.hour, 2);
      case 'H':
        return String(p.hour);
      case 'mm':
        return pad(p.minute, 2);
      default:
        return pad(p.second, 2);
    }
  });
}
