/**
 * Quiet hours: marketing may only go out between `startMinute` and `endMinute` of the recipient's local
 * day (default 08:00–21:00, the Chinese providers' window). A message outside the window is deferred to
 * the next opening, never dropped.
 */
import { localToInstant, zoneOffsetAt } from '../../importers/cells/zone-offset.ts';

export interface QuietHours {
  /** Minutes after local midnight when sending may start (inclusive) and must stop (exclusive). */
  readonly startMinute: number;
  readonly endMinute: number;
}

export const DEFAULT_QUIET_HOURS: QuietHours = Object.freeze({ startMinute: 8 * 60, endMinute: 21 * 60 });

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/**
 * Parses a sending window "HH:MM-HH:MM" (local time, start inclusive, end exclusive; "24:00" allowed as the
 * end) or "always"; null when the text is neither.
 */
export function parseSendingHours(text: string): QuietHours | null {
  if (text.trim().toLowerCase() === 'always') return { startMinute: 0, endMinute: 24 * 60 };
  const m = /^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (m === null) return null;
  const [sh, sm, eh, em] = m.slice(1).map(Number) as [number, number, number, number];
  const start = sh * 60 + sm;
  const end = eh * 60 + em;
  if (sm > 59 || em > 59 || start >= 24 * 60 || end > 24 * 60 || start >= end) return null;
  return { startMinute: start, endMinute: end };
}

/** The earliest instant ≥ nowMs inside the sending window of `timeZone`. */
export function nextSendableInstant(nowMs: number, timeZone: string, window: QuietHours = DEFAULT_QUIET_HOURS): number {
  const wall = nowMs + zoneOffsetAt(nowMs, timeZone);
  const localDay = Math.floor(wall / DAY_MS);
  const minute = (wall - localDay * DAY_MS) / MINUTE_MS;
  if (minute >= window.startMinute && minute < window.endMinute) return nowMs;
  const openDay = minute < window.startMinute ? localDay : localDay + 1;
  const open = localToInstant(openDay * DAY_MS + window.startMinute * MINUTE_MS, timeZone);
  return Math.max(open, nowMs);
}

/** True when nowMs falls inside the sending window. */
export function insideSendingWindow(nowMs: number, timeZone: string, window: QuietHours = DEFAULT_QUIET_HOURS): boolean {
  return nextSendableInstant(nowMs, timeZone, window) === nowMs;
}
