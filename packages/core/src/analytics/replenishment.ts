import { GrowableInt32 } from './_stats.ts';
import type { LineColumns, OrderColumns } from './columns.ts';
import type { SkuCycles } from './sku-cycles.ts';

/** Replenishment states, in order of urgency. */
export const DUE_STATES = [
  { code: 'not_due', zh: '未到期', en: 'Not due' },
  { code: 'due_soon', zh: '即将到期', en: 'Due soon' },
  { code: 'due', zh: '到期', en: 'Due' },
  { code: 'overdue', zh: '已逾期', en: 'Overdue' },
] as const;

/** State code, e.g. `due_soon`. */
export type DueStateCode = (typeof DUE_STATES)[number]['code'];

/** Options for `computeReplenishment`. */
export interface ReplenishmentOptions {
  /** SKUs need at least this many re-buy intervals for a cycle (default 5). */
  readonly minSamples?: number;
  /** …from at least this many distinct customers (default 2), so one habit is not a cycle. */
  readonly minCustomers?: number;
  /** due_soon when the due day is 1 … dueSoonDays days ahead (default 7). */
  readonly dueSoonDays?: number;
  /** due from the due day until overdueAfterDays days past it; overdue after that (default 14). */
  readonly overdueAfterDays?: number;
}

/**
 * One row per (customer, SKU) the customer bought and whose SKU has a usable cycle, grouped by
 * customer, then by the customer's first purchase of the SKU.
 */
export interface ReplenishmentList {
  readonly customer: Int32Array;
  readonly sku: Int32Array;
  /** Last day the customer bought the SKU (valid orders ≤ asOfDay), and the units bought that day. */
  readonly lastDay: Int32Array;
  readonly lastQuantity: Int32Array;
  /** `lastDay + round(medianDaysPerUnit × lastQuantity)`. */
  readonly dueDay: Int32Array;
  /** Index into `DUE_STATES`. */
  readonly state: Uint8Array;
}

/**
 * State of a due day as of `asOfDay`, with `ahead = dueDay − asOfDay`:
 * not_due when ahead > dueSoonDays; due_soon when 1 ≤ ahead ≤ dueSoonDays; due when
 * −overdueAfterDays ≤ ahead ≤ 0; overdue when ahead < −overdueAfterDays.
 */
export function dueStateOf(dueDay: number, asOfDay: number, dueSoonDays = 7, overdueAfterDays = 14): number {
  const ahead = dueDay - asOfDay;
  if (ahead > dueSoonDays) return 0;
  if (ahead > 0) return 1;
  if (ahead >= -overdueAfterDays) return 2;
  return 3;
}

/**
 * Next due day and state for every SKU each customer bought, using the SKU cycles from
 * `estimateSkuCycles` (only SKUs meeting `minSamples` and `minCustomers`). Same-day purchases of a
 * SKU are merged, as in the estimate. The reminder engine picks the rows it wants (e.g. due_soon).
 */
export function computeReplenishment(orders: OrderColumns, lines: LineColumns, cycles: SkuCycles, asOfDay: number, options: ReplenishmentOptions = {}): ReplenishmentList {
  const minSamples = options.minSamples ?? 5;
  const minCustomers = options.minCustomers ?? 2;
  const dueSoon = options.dueSoonDays ?? 7;
  const overdue = options.overdueAfterDays ?? 14;
  const skuCount = lines.skuCodes.length;
  const usable = new Uint8Array(skuCount);
  for (let s = 0; s < skuCount; s++) {
    if (cycles.samples[s]! >= minSamples && cycles.customers[s]! >= minCustomers && Number.isFinite(cycles.medianDaysPerUnit[s]!)) usable[s] = 1;
  }
  const { customer, day, valid } = orders;
  const { order: lOrder, sku: lSku, quantity: lQty } = lines;
  const nl = lOrder.length;
  const owner = new Int32Array(skuCount).fill(-1);
  const lastDay = new Int32Array(skuCount);
  const lastQty = new Int32Array(skuCount);
  let touched = new Int32Array(64);
  let nTouched = 0;
  const out = { customer: new GrowableInt32(), sku: new GrowableInt32(), lastDay: new GrowableInt32(), lastQuantity: new GrowableInt32(), dueDay: new GrowableInt32() };
  const flush = (c: number): void => {
    for (let t = 0; t < nTouched; t++) {
      const s = touched[t]!;
      out.customer.push(c);
      out.sku.push(s);
      out.lastDay.push(lastDay[s]!);
      out.lastQuantity.push(lastQty[s]!);
      out.dueDay.push(lastDay[s]! + Math.round(cycles.medianDaysPerUnit[s]! * lastQty[s]!));
    }
    nTouched = 0;
  };
  let cur = -1;
  for (let j = 0; j < nl; j++) {
    const s = lSku[j]!;
    if (usable[s] !== 1) continue;
    const o = lOrder[j]!;
    const d = day[o]!;
    if (valid[o] !== 1 || d > asOfDay) continue;
    const c = customer[o]!;
    if (c !== cur) {
      if (cur >= 0) flush(cur);
      cur = c;
    }
    if (owner[s] !== c) {
      owner[s] = c;
      if (nTouched === touched.length) {
        const a = new Int32Array(nTouched * 2);
        a.set(touched);
        touched = a;
      }
      touched[nTouched++] = s;
    } else if (lastDay[s] === d) {
      lastQty[s] = lastQty[s]! + lQty[j]!;
      continue;
    }
    lastDay[s] = d;
    lastQty[s] = lQty[j]!;
  }
  if (cur >= 0) flush(cur);
  const dueDay = out.dueDay.toArray();
  const state = new Uint8Array(dueDay.length);
  for (let k = 0; k < dueDay.length; k++) state[k] = dueStateOf(dueDay[k]!, asOfDay, dueSoon, overdue);
  return { customer: out.customer.toArray(), sku: out.sku.toArray(), lastDay: out.lastDay.toArray(), lastQuantity: out.lastQuantity.toArray(), dueDay, state };
}
