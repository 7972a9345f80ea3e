/**
 * Cell values as text, the way a person sees them in Excel.
 *
 * Numbers: shortest round-trip text of the value rounded to 15 significant digits (Excel's precision), so
 * 17850 stored as `17850.0` or `1.785E4` reads `17850` and 0.30000000000000004 reads `0.3`. Numbers of 1e15
 * and above (more digits than Excel keeps, e.g. an order id that went through Excel) come out in Excel's
 * scientific form, mantissa shortest round-trip: 5118610000000000000 reads `5.11861E+18`. That is what Excel
 * shows in a General cell and it cannot be mistaken for a real id, so the cleaning layer flags it
 * (`order_id_scientific`) instead of storing a corrupted id. Tiny magnitudes below 1e-6 also use `E-`.
 *
 * Dates: serial day numbers in the 1900 system (with Excel's phantom 1900-02-29, serial 60) or 1904 system,
 * rounded to the second, as `yyyy-MM-dd HH:mm:ss`, `yyyy-MM-dd` when the format has no time part, or
 * `HH:mm:ss` for a pure time format on a serial below 1.
 */

export type DateKind = 'date' | 'datetime' | 'time';

/** Excel's text for a numeric cell value as stored in `<v>`; the raw text back when it is not a number. */
export function numberText(raw: string): string {
  const n = raw.length;
  if (n > 0 && n <= 15) {
    // Fast path: a plain integer without leading zeros is already its shortest form.
    let i = raw.charCodeAt(0) === 45 ? 1 : 0;
    let plain = i < n && (raw.charCodeAt(i) !== 48 || n === i + 1);
    for (; plain && i < n; i++) {
      const c = raw.charCodeAt(i);
      if (c < 48 || c > 57) plain = false;
    }
    if (plain && raw !== '-0') return raw;
  }
  const v = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(v)) return raw;
  return formatNumber(v);
}

/** Formats a finite number as described in the module comment. */
export function formatNumber(v: number): string {
  if (v === 0) return '0';
  const abs = Math.abs(v);
  if (abs >= 1e15) return v.toExponential().toUpperCase();
  const rounded = Number(v.toPrecision(15));
  if (Math.abs(rounded) < 1e-6) return rounded.toExponential().toUpperCase();
  return String(rounded);
}

/** Whether an Excel number format code displays a date or time, and which parts. Null when it does not. */
export function dateKindOfFormat(code: string): DateKind | null {
  // Drop quoted literals, escaped characters and bracketed sections ([Red], [$-409]) but keep [h] [mm] [ss].
  const stripped = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?:h+|m+|s+)\]/gi, 'h')
    .replace(/\[[^\]]*\]/g, '')
    .split(';')[0]!
    .toLowerCase();
  const hasDate = /[yd]/.test(stripped) || (/m/.test(stripped) && !/[hs]/.test(stripped));
  const hasTime = /[hs]/.test(stripped);
  if (hasDate && hasTime) return 'datetime';
  if (hasDate) return 'date';
  if (hasTime) return 'time';
  return null;
}

/** Date kind of a built-in number format id (14–22, 45–47), null for others. */
export function dateKindOfBuiltin(id: number): DateKind | null {
  if (id >= 14 && id <= 17) return 'date';
  if ((id >= 18 && id <= 21) || (id >= 45 && id <= 47)) return 'time';
  if (id === 22) return 'datetime';
  return null;
}

const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

/** Text of an Excel date serial, or null when the serial is out of range (left to show as a number). */
export function serialToText(serial: number, kind: DateKind, date1904: boolean): string | null {
  if (!Number.isFinite(serial) || serial < 0 || serial >= 2958466) return null;
  let days = serial;
  if (!date1904 && serial < 60) days += 1; // before the phantom 1900-02-29
  if (!date1904 && serial >= 60 && serial < 61) days = 61; // the phantom day itself shows as 1900-03-01
  const ms = Math.round(days * 86400) * 1000;
  const d = new Date((date1904 ? EPOCH_1904 : EPOCH_1900) + ms);
  const date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  if (kind === 'date') return date;
  if (kind === 'time' && serial < 1) return time;
  return `${date} ${time}`;
}

/** Text of an ISO 8601 `t="d"` cell value (`2024-05-01T10:20:30Z`): same shapes as serial dates. */
export function isoDateText(raw: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}(?::\d{2})?))?/.exec(raw);
  if (m === null) return raw;
  const time = m[2];
  if (time === undefined) return m[1]!;
  return `${m[1]!} ${time.length === 5 ? `${time}:00` : time}`;
}

