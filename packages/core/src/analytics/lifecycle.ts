import { NO_DAY } from './columns.ts';
import type { CustomerFacts } from './facts.ts';

/** Lifecycle stages by days since the last valid order, in order of increasing inactivity. */
export const LIFECYCLE_STAGES = [
  { code: 'active', zh: '活跃', en: 'Active' },
  { code: 'silent', zh: '沉默', en: 'Silent' },
  { code: 'sleeping', zh: '睡眠', en: 'Sleeping' },
  { code: 'about_to_lose', zh: '即将流失', en: 'About to lose' },
  { code: 'lost', zh: '流失', en: 'Lost' },
] as const;

/** Stage code, e.g. `about_to_lose`. */
export type LifecycleStageCode = (typeof LIFECYCLE_STAGES)[number]['code'];

/** Value in a stage array for customers without a valid order. */
export const NO_STAGE = 255;

/**
 * Inclusive upper bounds, in days since the last valid order, of the first four stages; anything
 * above `aboutToLoseMaxDays` is lost. Must be strictly increasing.
 */
export interface LifecycleThresholds {
  readonly activeMaxDays: number;
  readonly silentMaxDays: number;
  readonly sleepingMaxDays: number;
  readonly aboutToLoseMaxDays: number;
}

/** Defaults: active ≤ 90, silent 91–180, sleeping 181–270, about to lose 271–360, lost > 360. */
export const DEFAULT_LIFECYCLE_THRESHOLDS: LifecycleThresholds = {
  activeMaxDays: 90,
  silentMaxDays: 180,
  sleepingMaxDays: 270,
  aboutToLoseMaxDays: 360,
};

/** Bounds on the cycle used by `adaptiveLifecycleThresholds` (days). */
export interface AdaptiveLifecycleOptions {
  /** Default 7: a shop whose customers rebuy daily still gets a week of "active". */
  readonly minCycleDays?: number;
  /** Default 365. */
  readonly maxCycleDays?: number;
}

/**
 * Thresholds scaled to the shop's own repurchase cycle C (e.g. `shopCycle.medianDays` from
 * `estimateCustomerCycles`, clamped to [minCycleDays, maxCycleDays]):
 *
 * | stage         | days since last order |
 * |---------------|-----------------------|
 * | active        | ≤ C (within one cycle) |
 * | silent        | C < d ≤ 1.5 C (the expected rebuy is late) |
 * | sleeping      | 1.5 C < d ≤ 2 C (one whole cycle missed by its end) |
 * | about_to_lose | 2 C < d ≤ 3 C (at risk: more than one cycle missed) |
 * | lost          | > 3 C (three cycles without a purchase) |
 *
 * Bounds are rounded to whole days and kept strictly increasing. With C = 90 this gives 90/135/180/270.
 * When C is NaN (no repeat purchases in the shop) the fixed defaults are returned.
 */
export function adaptiveLifecycleThresholds(cycleDays: number, options: AdaptiveLifecycleOptions = {}): LifecycleThresholds {
  if (!Number.isFinite(cycleDays)) return DEFAULT_LIFECYCLE_THRESHOLDS;
  const c = Math.min(options.maxCycleDays ?? 365, Math.max(options.minCycleDays ?? 7, cycleDays));
  const active = Math.max(1, Math.round(c));
  const silent = Math.max(active + 1, Math.round(1.5 * c));
  const sleeping = Math.max(silent + 1, Math.round(2 * c));
  const aboutToLose = Math.max(sleeping + 1, Math.round(3 * c));
  return { activeMaxDays: active, silentMaxDays: silent, sleepingMaxDays: sleeping, aboutToLoseMaxDays: aboutToLose };
}

/** Stage index (into `LIFECYCLE_STAGES`) for a number of days since the last valid order. */
export function lifecycleStageOf(daysSince: number, t: LifecycleThresholds = DEFAULT_LIFECYCLE_THRESHOLDS): number {
  if (daysSince <= t.activeMaxDays) return 0;
  if (daysSince <= t.silentMaxDays) return 1;
  if (daysSince <= t.sleepingMaxDays) return 2;
  if (daysSince <= t.aboutToLoseMaxDays) return 3;
  return 4;
}

/** Lifecycle stage index per customer as of `facts.asOfDay`; `NO_STAGE` without a valid order. */
export function computeLifecycle(facts: CustomerFacts, thresholds: LifecycleThresholds = DEFAULT_LIFECYCLE_THRESHOLDS): Uint8Array {
  const out = new Uint8Array(facts.customerCount).fill(NO_STAGE);
  for (let c = 0; c < facts.customerCount; c++) {
    const last = facts.lastDay[c]!;
    if (last !== NO_DAY) out[c] = lifecycleStageOf(facts.asOfDay - last, thresholds);
  }
  return out;
}
