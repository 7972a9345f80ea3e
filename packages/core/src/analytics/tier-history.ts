import { GrowableInt32 } from './_stats.ts';
import { NO_DAY, type OrderColumns } from './columns.ts';
import { tierFor, type TierConfig } from './tier-config.ts';

/**
 * Current tiers and the full history of tier changes. Tier indexes point into `config.tiers`;
 * -1 is "below the lowest tier" (`NO_TIER`). Events are grouped by customer, in day order:
 * customer c's events are `[eventStart[c], eventStart[c + 1])` of the event columns.
 */
export interface TierHistory {
  /** Tier as of `asOfDay`. */
  readonly current: Int8Array;
  /** Day the current tier was entered; `NO_DAY` when the current tier is -1. */
  readonly currentSince: Int32Array;
  readonly eventStart: Int32Array;
  readonly eventCustomer: Int32Array;
  readonly eventDay: Int32Array;
  readonly eventFrom: Int8Array;
  /** `eventTo > eventFrom` is an upgrade, `<` a downgrade. */
  readonly eventTo: Int8Array;
}

/**
 * Walks each customer's valid orders in time and records every tier change up to `asOfDay`.
 *
 * - Lifetime window: spend and order count accumulate; the tier only rises (unless refunds make
 *   net spend negative).
 * - Rolling window of N days: an order on day d counts on days d … d+N−1 and leaves the window on
 *   day d+N, where the tier is re-evaluated, so downgrades are dated on the day the order that was
 *   holding the tier expires (expiry days after `asOfDay` are not applied).
 * All orders of one day are applied before the tier is evaluated: at most one event per day, and a
 * change may skip tiers (from -1 straight to 2). O(orders) with no per-customer allocation.
 * Throws RangeError for more than 100 tiers (indexes are stored as Int8).
 */
export function computeTierHistory(orders: OrderColumns, config: TierConfig, asOfDay: number): TierHistory {
  const n = orders.customerCount;
  const { customer, day, netCents, valid } = orders;
  const m = customer.length;
  const tiers = config.tiers;
  if (tiers.length > 100) throw new RangeError('at most 100 tiers (parseTierConfig allows 10)');
  const windowDays = config.window.kind === 'rolling' ? config.window.days : Number.POSITIVE_INFINITY;
  const current = new Int8Array(n).fill(-1);
  const currentSince = new Int32Array(n).fill(NO_DAY);
  const eventStart = new Int32Array(n + 1);
  const evC = new GrowableInt32(1 << 16);
  const evD = new GrowableInt32(1 << 16);
  const evFT = new GrowableInt32(1 << 16);
  let i = 0;
  let c = 0;
  while (i < m) {
    const cust = customer[i]!;
    let end = i;
    while (end < m && customer[end] === cust) end++;
    for (; c <= cust; c++) eventStart[c] = evC.length;
    // `add` walks orders entering the window, `exp` the ones leaving it (exp < add always).
    let add = nextValid(i, end, valid, day, asOfDay);
    let exp = add;
    let spend = 0;
    let count = 0;
    let tier = -1;
    for (;;) {
      const tAdd = add < end ? day[add]! : Number.POSITIVE_INFINITY;
      const tExp = exp < add ? day[exp]! + windowDays : Number.POSITIVE_INFINITY;
      const t = Math.min(tAdd, tExp);
      if (t > asOfDay) break;
      while (exp < add && day[exp]! + windowDays === t) {
        spend -= netCents[exp]!;
        count--;
        exp = nextValid(exp + 1, end, valid, day, asOfDay);
      }
      while (add < end && day[add] === t) {
        spend += netCents[add]!;
        count++;
        add = nextValid(add + 1, end, valid, day, asOfDay);
      }
      const next = tierFor(tiers, spend, count);
      if (next !== tier) {
        evC.push(cust);
        evD.push(t);
        evFT.push(((tier + 1) << 8) | (next + 1));
        tier = next;
        currentSince[cust] = t;
      }
    }
    current[cust] = tier;
    if (tier === -1) currentSince[cust] = NO_DAY;
    i = end;
  }
  for (; c <= n; c++) eventStart[c] = evC.length;
  const ft = evFT.toArray();
  const eventFrom = new Int8Array(ft.length);
  const eventTo = new Int8Array(ft.length);
  for (let k = 0; k < ft.length; k++) {
    eventFrom[k] = (ft[k]! >> 8) - 1;
    eventTo[k] = (ft[k]! & 0xff) - 1;
  }
  return { current, currentSince, eventStart, eventCustomer: evC.toArray(), eventDay: evD.toArray(), eventFrom, eventTo };
}

/** First index ≥ k (and < end) of a valid order on or before asOfDay; `end` if none. */
function nextValid(k: number, end: number, valid: Uint8Array, day: Int32Array, asOfDay: number): number {
  while (k < end && (valid[k] !== 1 || day[k]! > asOfDay)) k++;
  return k;
}
