/**
 * Naive local wall-clock time -> epoch ms in an IANA zone, using Intl only (no tz database of our own).
 *
 * Choice for DST edges (same as Temporal's `disambiguation: 'compatible'` and `new Date(y, m, d)` in a
 * local zone): a wall time in the *gap* (02:30 on a spring-forward day in America/New_York) is read with
 * the offset in force before the transition, so it lands one hour later (03:30 EDT); a wall time in the
 * *overlap* (01:30 on a fall-back day) takes the earlier of the two instants (01:30 EDT).
 *
 * Results are cached per zone and local hour: transitions happen on whole hours in every zone we target,
 * so the offset is the same for a whole local hour.
 */

import { isValidTimeZone, offsetAt } from '@huitou/core';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MAX_CACHE = 200_000;

const caches = new Map<string, { readonly days: Map<number, number>; readonly hours: Map<number, number> }>();

/** Offset of `zone` from UTC at instant `utcMs`, in ms (positive east of Greenwich): core's offsetAt. */
export const zoneOffsetAt: (utcMs: number, zone: string) => number = offsetAt;

/** True when `zone` is an IANA zone name Intl knows. */
export { isValidTimeZone };

/** Marks a local day with a transition in it: its hours are resolved one by one. */
const MIXED_DAY = Number.NaN;

/**
 * Converts a wall-clock time given as "UTC-like" ms (Date.UTC of the local fields) to an instant in
 * `zone`, with the DST choice documented above. Offsets are cached per local day when the whole day has
 * one offset (almost every day), else per local hour.
 */
export function localToInstant(wallMs: number, zone: string): number {
  if (zone === 'UTC' || zone === 'Etc/UTC') return wallMs;
  let cache = caches.get(zone);
  if (cache === undefined) {
    cache = { days: new Map(), hours: new Map() };
    caches.set(zone, cache);
  }
  const dayKey = Math.floor(wallMs / DAY);
  let dayOffset = cache.days.get(dayKey);
  if (dayOffset === undefined) {
    const first = resolveOffset(dayKey * DAY + HOUR / 2, zone);
    const last = resolveOffset(dayKey * DAY + DAY - HOUR / 2, zone);
    const noon = resolveOffset(dayKey * DAY + DAY / 2, zone);
    dayOffset = first === last && first === noon ? first : MIXED_DAY;
    if (cache.days.size >= MAX_CACHE) cache.days.clear();
    cache.days.set(dayKey, dayOffset);
  }
  if (!Number.isNaN(dayOffset)) return wallMs - dayOffset;
  const hourKey = Math.floor(wallMs / HOUR);
  let offset = cache.hours.get(hourKey);
  if (offset === undefined) {
    offset = resolveOffset(hourKey * HOUR + HOUR / 2, zone);
    if (cache.hours.size >= MAX_CACHE) cache.hours.clear();
    cache.hours.set(hourKey, offset);
  }
  return wallMs - offset;
}

function resolveOffset(wallMs: number, zone: string): number {
  const before = zoneOffsetAt(wallMs - DAY, zone);
  const after = zoneOffsetAt(wallMs + DAY, zone);
  if (before === after) {
    const o = zoneOffsetAt(wallMs - before, zone);
    if (o === before) return before;
    // Two transitions within two days (rare): fall back to a fixed-point iteration.
    return zoneOffsetAt(wallMs - o, zone);
  }
  const tBefore = wallMs - before;
  const tAfter = wallMs - after;
  const validBefore = zoneOffsetAt(tBefore, zone) === before;
  const validAfter = zoneOffsetAt(tAfter, zone) === after;
  if (validBefore && validAfter) return tBefore < tAfter ? before : after; // overlap: earlier instant
  if (validAfter) return after;
  return before; // valid before only, or gap: offset in force before the transition
}
