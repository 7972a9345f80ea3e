import { dayRange, quantileSorted, sortPrefix } from './_stats.ts';
import { NO_DAY, type OrderColumns } from './columns.ts';
import { buildPromoMask, DEFAULT_PROMO_CALENDAR, type PromoCalendar } from './promo-calendar.ts';

/** Distribution summary of a cycle estimate. */
export interface CycleSummary {
  /** Median, 25th and 75th percentile (type 7); NaN without samples. IQR = p75 − p25. */
  readonly medianDays: number;
  readonly p25Days: number;
  readonly p75Days: number;
  /** Number of values the percentiles are taken over. */
  readonly samples: number;
}

/** Per-customer repurchase cycles and the shop's cycle. */
export interface CustomerCycles {
  /** Median of the customer's usable intervals; NaN without one. */
  readonly medianDays: Float64Array;
  /** Usable intervals per customer. */
  readonly intervals: Int32Array;
  /**
   * The shop's cycle C: percentiles over repeat customers of their own median interval (one vote
   * per customer, so a few heavy buyers do not shorten it). Feed `shop.medianDays` to
   * `adaptiveLifecycleThresholds`.
   */
  readonly shop: CycleSummary;
}

/**
 * Estimates repurchase cycles from the intervals between consecutive distinct purchase days of valid
 * orders (≤ asOfDay). An interval is left out when its start or end day is a promo day: stock-up
 * buying on 双十一 would shorten or stretch it. Intervals are still chained through promo days (the
 * promo purchase ends one excluded interval and starts another).
 */
export function estimateCustomerCycles(orders: OrderColumns, asOfDay: number, promo: PromoCalendar = DEFAULT_PROMO_CALENDAR): CustomerCycles {
  const n = orders.customerCount;
  const { customer, day, valid } = orders;
  const m = customer.length;
  const medianDays = new Float64Array(n).fill(Number.NaN);
  const intervals = new Int32Array(n);
  const range = dayRange(day);
  const mask = buildPromoMask(promo, range[0], range[1]);
  const flags = mask.flags;
  const base = mask.fromDay;
  let gaps = new Int32Array(64);
  const perCustomer = new Float64Array(n);
  let repeat = 0;
  let i = 0;
  while (i < m) {
    const c = customer[i]!;
    let last = NO_DAY;
    let nGap = 0;
    for (; i < m && customer[i] === c; i++) {
      const d = day[i]!;
      if (valid[i] !== 1 || d > asOfDay || d === last) continue;
      if (last !== NO_DAY && flags[d - base] !== 1 && flags[last - base] !== 1) {
        if (nGap === gaps.length) {
          const g = new Int32Array(gaps.length * 2);
          g.set(gaps);
          gaps = g;
        }
        gaps[nGap++] = d - last;
      }
      last = d;
    }
    if (nGap === 0) continue;
    sortPrefix(gaps, nGap);
    const med = quantileSorted(gaps, 0, nGap, 0.5);
    medianDays[c] = med;
    intervals[c] = nGap;
    perCustomer[repeat++] = med;
  }
  const sorted = perCustomer.subarray(0, repeat).sort();
  const shop: CycleSummary = {
    medianDays: quantileSorted(sorted, 0, repeat, 0.5),
    p25Days: quantileSorted(sorted, 0, repeat, 0.25),
    p75Days: quantileSorted(sorted, 0, repeat, 0.75),
    samples: repeat,
  };
  return { medianDays, intervals, shop };
}
