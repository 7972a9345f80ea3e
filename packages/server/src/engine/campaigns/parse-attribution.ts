/**
 * The optional `attribution` of a campaign definition: how many days after a touch's send time (or, for
 * holdout, the time it would have been sent) a customer's orders count for the campaign's results.
 * Seven days by default: long enough for a considered purchase, short enough that a weekly campaign's
 * windows do not overlap. Bounded to 1–90 days; `huitou campaign results --window N` overrides it.
 */
import { isRecord } from './definition-parts.ts';
import type { Add } from './definition-parts.ts';

export interface Attribution {
  readonly windowDays: number;
}

export const DEFAULT_WINDOW_DAYS = 7;
export const MIN_WINDOW_DAYS = 1;
export const MAX_WINDOW_DAYS = 90;

/** Whether `n` is an allowed attribution window: a whole number of days, 1–90. */
export function isWindowDays(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= MIN_WINDOW_DAYS && n <= MAX_WINDOW_DAYS;
}

/** The attribution settings, defaults filled in; null when invalid (then issues were added). */
export function parseAttribution(v: unknown, add: Add): Attribution | null {
  if (v === undefined || v === null) return { windowDays: DEFAULT_WINDOW_DAYS };
  if (!isRecord(v)) {
    add('attribution', 'attribution must be an object such as { windowDays: 7 }', 'attribution 必须是对象，例如 { windowDays: 7 }');
    return null;
  }
  let ok = true;
  for (const k of Object.keys(v)) {
    if (k !== 'windowDays') {
      add(`attribution.${k}`, `unknown key "${k}"; expected windowDays`, `未知字段 "${k}"，应为 windowDays`);
      ok = false;
    }
  }
  const days = v['windowDays'] ?? DEFAULT_WINDOW_DAYS;
  if (!isWindowDays(days)) {
    add('attribution.windowDays', `windowDays must be a whole number of days from ${MIN_WINDOW_DAYS} to ${MAX_WINDOW_DAYS}`, `windowDays 必须是 ${MIN_WINDOW_DAYS}–${MAX_WINDOW_DAYS} 的整数（天）`);
    ok = false;
  }
  return ok ? { windowDays: Number(days) } : null;
}
