import { dayRange, quantileSorted } from './_stats.ts';
import type { LineColumns, OrderColumns } from './columns.ts';
import { buildPromoMask, DEFAULT_PROMO_CALENDAR, type PromoCalendar } from './promo-calendar.ts';

/**
 * Per-SKU replenishment cycles in days per unit, indexed by dense SKU id. A SKU without samples has
 * NaN percentiles and 0 samples.
 */
export interface SkuCycles {
  /** Median days one unit lasts. */
  readonly medianDaysPerUnit: Float64Array;
  /** 25th / 75th percentiles: the dispersion (IQR = p75 − p25; IQR / median is comparable across SKUs). */
  readonly p25DaysPerUnit: Float64Array;
  readonly p75DaysPerUnit: Float64Array;
  /** Number of re-buy intervals behind the estimate. */
  readonly samples: Int32Array;
  /** Distinct customers who contributed at least one interval. */
  readonly customers: Int32Array;
}

/**
 * Estimates how long one unit of each SKU lasts, from customers who bought the same SKU again.
 *
 * A customer's purchases of a SKU are merged per day (units summed over that day's valid orders).
 * For consecutive purchase days d1 < d2 with q1 units bought on d1, one sample is
 * `(d2 − d1) / q1` days per unit: three packs last three times as long as one. Samples are left out
 * when d1 or d2 is a promo day (stock-up buying) or q1 ≤ 0. Percentiles are type 7 (see
 * `quantileSorted`). O(lines + samples log samples) with per-SKU scratch arrays only.
 */
export function estimateSkuCycles(orders: OrderColumns, lines: LineColumns, asOfDay: number, promo: PromoCalendar = DEFAULT_PROMO_CALENDAR): SkuCycles {
  const skuCount = lines.skuCodes.length;
  const { customer, day, valid } = orders;
  const { order: lOrder, sku: lSku, quantity: lQty } = lines;
  const nl = lOrder.length;
  const range = dayRange(day);
  const mask = buildPromoMask(promo, range[0], range[1]);
  const flags = mask.flags;
  const base = mask.fromDay;
  // Last purchase of each SKU by the customer being walked: day, units, and whose it is.
  const lastDay = new Int32Array(skuCount);
  const lastQty = new Float64Array(skuCount);
  const owner = new Int32Array(skuCount).fill(-1);
  const contributor = new Int32Array(skuCount).fill(-1);
  const samples = new Int32Array(skuCount);
  const customers = new Int32Array(skuCount);
  // Pass 1 emits (sku, value) samples; pass 2 buckets them per SKU (counting sort) and sorts buckets.
  let sampleSku = new Int32Array(1 << 16);
  let sampleVal = new Float64Array(1 << 16);
  let ns = 0;
  for (let j = 0; j < nl; j++) {
    const o = lOrder[j]!;
    const d = day[o]!;
    if (valid[o] !== 1 || d > asOfDay) continue;
    const s = lSku[j]!;
    const q = lQty[j]!;
    const c = customer[o]!;
    if (owner[s] !== c) {
      owner[s] = c;
      lastDay[s] = d;
      lastQty[s] = q;
      continue;
    }
    const prev = lastDay[s]!;
    if (prev === d) {
      lastQty[s] = lastQty[s]! + q;
      continue;
    }
    const pq = lastQty[s]!;
    if (pq > 0 && flags[d - base] !== 1 && flags[prev - base] !== 1) {
      if (ns === sampleSku.length) {
        const a = new Int32Array(ns * 2);
        a.set(sampleSku);
        sampleSku = a;
        const b = new Float64Array(ns * 2);
        b.set(sampleVal);
        sampleVal = b;
      }
      sampleSku[ns] = s;
      sampleVal[ns++] = (d - prev) / pq;
      samples[s] = samples[s]! + 1;
      if (contributor[s] !== c) {
        contributor[s] = c;
        customers[s] = customers[s]! + 1;
      }
    }
    lastDay[s] = d;
    lastQty[s] = q;
  }
  const start = new Int32Array(skuCount + 1);
  for (let s = 0; s < skuCount; s++) start[s + 1] = start[s]! + samples[s]!;
  const fill = start.slice(0, skuCount);
  const bucketed = new Float64Array(ns);
  for (let k = 0; k < ns; k++) {
    const s = sampleSku[k]!;
    bucketed[fill[s]!] = sampleVal[k]!;
    fill[s] = fill[s]! + 1;
  }
  const medianDaysPerUnit = new Float64Array(skuCount).fill(Number.NaN);
  const p25DaysPerUnit = new Float64Array(skuCount).fill(Number.NaN);
  const p75DaysPerUnit = new Float64Array(skuCount).fill(Number.NaN);
  for (let s = 0; s < skuCount; s++) {
    const a = start[s]!;
    const b = start[s + 1]!;
    if (b === a) continue;
    bucketed.subarray(a, b).sort();
    medianDaysPerUnit[s] = quantileSorted(bucketed, a, b, 0.5);
    p25DaysPerUnit[s] = quantileSorted(bucketed, a, b, 0.25);
    p75DaysPerUnit[s] = quantileSorted(bucketed, a, b, 0.75);
  }
  return { medianDaysPerUnit, p25DaysPerUnit, p75DaysPerUnit, samples, customers };
}
