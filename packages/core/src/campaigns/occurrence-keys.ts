/**
 * Occurrence keys: one stable string per occurrence of a trigger, per customer. The planner stores
 * (campaign key, occurrence key, customer) as unique, so planning the same day twice, or re-running
 * after a crash, never sends twice; and coupon codes are derived from the same triple.
 *
 * | trigger | key | one occurrence is |
 * |---|---|---|
 * | one-off | `once` | the campaign |
 * | recurring (cron) | `cron:2026-03-08T07:00Z` | a run instant, UTC minute |
 * | birthday | `birthday:2026-05-03` | the birthday celebrated (Feb 29 → `…-02-28` in other years) |
 * | membership anniversary | `anniversary:2026-05-03` | the anniversary date |
 * | member day | `member_day:2026-02-28` | the member day (30 → Feb 28) |
 * | retail date | `retail:double11:2026` | the festival in a year |
 * | shop date | `shop:<code>:2026-04-01` | the shop's date |
 * | N days after an order | `after_order:<orderRef>` | the order (N is fixed per campaign) |
 * | SKU due | `sku_due:<skuCode>:2026-04-01` | a purchase of the SKU (its last purchase day) |
 * | entered lifecycle stage | `stage:sleeping:2026-04-01` | a stage per last-order day |
 * | P(alive) fell below T | `palive_below:0.3:2026-04-01` | a threshold per last-order day |
 * | tier upgrade | `tier_up:gold:2026-04-01` | an upgrade to a tier on a day |
 *
 * Dates are the occurrence's own date, not the send day, so changing "send N days before" does not
 * re-send. Event keys use the customer's last valid order day as the episode: a customer enters
 * "sleeping" (or falls below a P(alive) threshold) again only after buying again, so re-estimated
 * thresholds or parameters cannot double-send within one episode. SKU keys use the last purchase
 * day of the SKU rather than the due day, which moves when the cycle is re-estimated.
 */
import { formatDay } from '../analytics/calendar.ts';

/** One-off trigger. */
export const ONCE_KEY = 'once';

/** Recurring trigger run at instant `ms`. */
export function cronKey(ms: number): string {
  return `cron:${new Date(ms).toISOString().slice(0, 16)}Z`;
}

/** Date trigger (`birthday`, `anniversary`, `member_day`) on a shop-local day. */
export function dateKey(kind: 'birthday' | 'anniversary' | 'member_day', day: number): string {
  return `${kind}:${formatDay(day)}`;
}

/** Retail date of a year. */
export function retailKey(code: string, year: number): string {
  return `retail:${code}:${year}`;
}

/** Shop date on a day. */
export function shopDateKey(code: string, day: number): string {
  return `shop:${code}:${formatDay(day)}`;
}

/** N days after an order. */
export function afterOrderKey(orderRef: string): string {
  return `after_order:${orderRef}`;
}

/** A SKU due again after the purchase on `lastDay`. */
export function skuDueKey(skuCode: string, lastDay: number): string {
  return `sku_due:${skuCode}:${formatDay(lastDay)}`;
}

/** Entered a lifecycle stage, in the episode after the last valid order on `lastOrderDay`. */
export function stageKey(stageCode: string, lastOrderDay: number): string {
  return `stage:${stageCode}:${formatDay(lastOrderDay)}`;
}

/** P(alive) fell below `threshold`, in the episode after the last valid order on `lastOrderDay`. */
export function pAliveKey(threshold: number, lastOrderDay: number): string {
  return `palive_below:${threshold}:${formatDay(lastOrderDay)}`;
}

/** Upgraded to a tier on a day. */
export function tierUpKey(tierCode: string, day: number): string {
  return `tier_up:${tierCode}:${formatDay(day)}`;
}

/** Customers matched by a trigger on a day, one row per (customer, occurrence). */
export interface TriggerMatches {
  readonly customer: Int32Array;
  readonly key: readonly string[];
  /** The occurrence's own day (birthday, anniversary, order day, last purchase day …). */
  readonly occurrenceDay: Int32Array;
}

/** Collects matches row by row. */
export class MatchBuilder {
  readonly #customer: number[] = [];
  readonly #key: string[] = [];
  readonly #day: number[] = [];

  /** Adds one row. */
  add(customer: number, key: string, occurrenceDay: number): void {
    this.#customer.push(customer);
    this.#key.push(key);
    this.#day.push(occurrenceDay);
  }

  /** The rows collected so far. */
  build(): TriggerMatches {
    return { customer: Int32Array.from(this.#customer), key: [...this.#key], occurrenceDay: Int32Array.from(this.#day) };
  }
}
