import { quantileSorted, sortPrefix } from './_stats.ts';
import { NO_DAY, type LineColumns, type OrderColumns } from './columns.ts';

/** How many top SKUs `computeCustomerFacts` keeps per customer. */
export const TOP_SKUS = 3;

/**
 * Per-customer facts, one typed array per field, indexed by customer id. Only orders with
 * `day <= asOfDay` are seen. "Valid" quantities use valid orders only; order and refund counts use all.
 * Undefined values are `NO_DAY` (days) or NaN (ratios).
 */
export interface CustomerFacts {
  readonly customerCount: number;
  readonly asOfDay: number;
  /** Orders of any status. */
  readonly orders: Int32Array;
  readonly validOrders: Int32Array;
  /** First and last valid order day, `NO_DAY` without valid orders. */
  readonly firstDay: Int32Array;
  readonly lastDay: Int32Array;
  /** Distinct days with a valid order. */
  readonly purchaseDays: Int32Array;
  /** Sum of `netCents` over valid orders. */
  readonly netCents: Float64Array;
  /** `netCents / validOrders`; NaN without valid orders. */
  readonly avgOrderCents: Float64Array;
  /** Units bought: sum of line quantities of valid orders (0 when no lines were given). */
  readonly items: Float64Array;
  /** Orders (any status) with `refundCents > 0`, and the refunded total. */
  readonly refundOrders: Int32Array;
  readonly refundCents: Float64Array;
  /** Mean and median days between consecutive distinct purchase days; NaN with fewer than 2 days. */
  readonly meanIntervalDays: Float64Array;
  readonly medianIntervalDays: Float64Array;
  /**
   * Most-bought SKUs by units over valid orders, `TOP_SKUS` slots per customer at
   * `[c * TOP_SKUS + k]`, best first; ties go to the lower SKU id; empty slots are -1 / 0.
   */
  readonly topSku: Int32Array;
  readonly topSkuQuantity: Float64Array;
}

/**
 * Computes `CustomerFacts` in one pass over orders and lines (both already sorted), with no
 * per-customer allocation: O(orders + lines) plus a small sort of each repeat buyer's intervals.
 */
export function computeCustomerFacts(orders: OrderColumns, lines: LineColumns | undefined, asOfDay: number): CustomerFacts {
  const n = orders.customerCount;
  const f: CustomerFacts = {
    customerCount: n,
    asOfDay,
    orders: new Int32Array(n),
    validOrders: new Int32Array(n),
    firstDay: new Int32Array(n).fill(NO_DAY),
    lastDay: new Int32Array(n).fill(NO_DAY),
    purchaseDays: new Int32Array(n),
    netCents: new Float64Array(n),
    avgOrderCents: new Float64Array(n).fill(Number.NaN),
    items: new Float64Array(n),
    refundOrders: new Int32Array(n),
    refundCents: new Float64Array(n),
    meanIntervalDays: new Float64Array(n).fill(Number.NaN),
    medianIntervalDays: new Float64Array(n).fill(Number.NaN),
    topSku: new Int32Array(n * TOP_SKUS).fill(-1),
    topSkuQuantity: new Float64Array(n * TOP_SKUS),
  };
  const { customer, day, netCents, refundCents, valid } = orders;
  const m = customer.length;
  const lOrder = lines?.order;
  const lSku = lines?.sku;
  const lQty = lines?.quantity;
  const nl = lOrder?.length ?? 0;
  const skuCount = lines?.skuCodes.length ?? 0;
  const skuQty = new Float64Array(skuCount);
  const skuStamp = new Int32Array(skuCount).fill(-1);
  let touched: Int32Array = new Int32Array(64);
  let gaps: Int32Array = new Int32Array(64);
  let li = 0;
  let i = 0;
  while (i < m) {
    const c = customer[i]!;
    let all = 0, nValid = 0, days = 0, first = NO_DAY, last = NO_DAY, net = 0, items = 0, rN = 0, rC = 0, nGap = 0, nTouched = 0;
    for (; i < m && customer[i] === c; i++) {
      const d = day[i]!;
      if (d > asOfDay) continue;
      all++;
      const r = refundCents[i]!;
      if (r > 0) {
        rN++;
        rC += r;
      }
      if (valid[i] !== 1) continue;
      nValid++;
      net += netCents[i]!;
      if (d !== last) {
        if (last !== NO_DAY) {
          if (nGap === gaps.length) gaps = grow(gaps);
          gaps[nGap++] = d - last;
        } else first = d;
        days++;
        last = d;
      }
      if (lOrder === undefined || lSku === undefined || lQty === undefined) continue;
      while (li < nl && lOrder[li]! < i) li++;
      for (; li < nl && lOrder[li] === i; li++) {
        const s = lSku[li]!;
        const q = lQty[li]!;
        items += q;
        if (skuStamp[s] !== c) {
          skuStamp[s] = c;
          skuQty[s] = 0;
          if (nTouched === touched.length) touched = grow(touched);
          touched[nTouched++] = s;
        }
        skuQty[s] = skuQty[s]! + q;
      }
    }
    f.orders[c] = all;
    f.refundOrders[c] = rN;
    f.refundCents[c] = rC;
    if (nValid === 0) continue;
    f.validOrders[c] = nValid;
    f.firstDay[c] = first;
    f.lastDay[c] = last;
    f.purchaseDays[c] = days;
    f.netCents[c] = net;
    f.avgOrderCents[c] = net / nValid;
    f.items[c] = items;
    if (nGap > 0) {
      f.meanIntervalDays[c] = (last - first) / nGap;
      sortPrefix(gaps, nGap);
      f.medianIntervalDays[c] = quantileSorted(gaps, 0, nGap, 0.5);
    }
    if (nTouched > 0) pickTop(touched, nTouched, skuQty, f.topSku, f.topSkuQuantity, c * TOP_SKUS);
  }
  return f;
}

/** Keeps the best TOP_SKUS of the touched SKUs (units desc, then id asc) in out[base..base+TOP_SKUS). */
function pickTop(touched: Int32Array, len: number, qty: Float64Array, outSku: Int32Array, outQty: Float64Array, base: number): void {
  for (let t = 0; t < len; t++) {
    const s = touched[t]!;
    const q = qty[s]!;
    if (q <= 0) continue;
    let k = TOP_SKUS;
    while (k > 0) {
      const os = outSku[base + k - 1]!;
      const oq = outQty[base + k - 1]!;
      if (os !== -1 && (oq > q || (oq === q && os < s))) break;
      k--;
    }
    if (k >= TOP_SKUS) continue;
    for (let z = TOP_SKUS - 1; z > k; z--) {
      outSku[base + z] = outSku[base + z - 1]!;
      outQty[base + z] = outQty[base + z - 1]!;
    }
    outSku[base + k] = s;
    outQty[base + k] = q;
  }
}

function grow(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
