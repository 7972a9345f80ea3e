import type { LineColumns, OrderColumns } from '../analytics/columns.ts';
import { sortPrefix } from '../analytics/_stats.ts';
import { buildRuleTable, type PairMatrix, type RuleTable, type RuleThresholds } from './rule-table.ts';

/** Options for `mineSequentialRules`. */
export interface SequentialOptions extends RuleThresholds {
  /** Orders dated after this day are ignored. */
  readonly asOfDay: number;
  /** Orders dated before this day are ignored (default: no lower bound). */
  readonly fromDay?: number;
  /** B must follow A within this many days (default 180); same-day purchases are not "after". */
  readonly windowDays?: number;
  /** Only a customer's latest this-many (SKU, day) purchases are used (default 200), bounding heavy buyers. */
  readonly maxEventsPerCustomer?: number;
}

/** Per-customer purchase events, (SKU, day) distinct, in day order; buffers are reused. */
export interface CustomerEvents {
  sku: Int32Array;
  day: Int32Array;
  n: number;
}

/**
 * Calls `visit(events, customer)` once per customer with at least one valid line, with the customer's
 * distinct (SKU, day) purchases in day order (the latest `maxEventsPerCustomer`).
 */
export function forEachCustomerEvents(orders: OrderColumns, lines: LineColumns, options: SequentialOptions, visit: (ev: CustomerEvents, customer: number) => void): void {
  const { customer, day, valid } = orders;
  const { order: lOrder, sku: lSku } = lines;
  const from = options.fromDay ?? -2147483648;
  const cap = options.maxEventsPerCustomer ?? 200;
  const owner = new Int32Array(lines.skuCodes.length).fill(-1);
  const lastDay = new Int32Array(lines.skuCodes.length);
  const ev: CustomerEvents = { sku: new Int32Array(64), day: new Int32Array(64), n: 0 };
  const flush = (c: number): void => {
    if (ev.n > cap) {
      ev.sku.copyWithin(0, ev.n - cap, ev.n);
      ev.day.copyWithin(0, ev.n - cap, ev.n);
      ev.n = cap;
    }
    visit(ev, c);
    ev.n = 0;
  };
  let cur = -1;
  for (let j = 0; j < lOrder.length; j++) {
    const o = lOrder[j]!;
    const d = day[o]!;
    if (valid[o] !== 1 || d > options.asOfDay || d < from) continue;
    const c = customer[o]!;
    if (c !== cur) {
      if (ev.n > 0) flush(cur);
      cur = c;
    }
    const s = lSku[j]!;
    if (owner[s] === c && lastDay[s] === d) continue;
    owner[s] = c;
    lastDay[s] = d;
    if (ev.n === ev.sku.length) {
      const a = new Int32Array(ev.n * 2);
      a.set(ev.sku);
      ev.sku = a;
      const b = new Int32Array(ev.n * 2);
      b.set(ev.day);
      ev.day = b;
    }
    ev.sku[ev.n] = s;
    ev.day[ev.n++] = d;
  }
  if (ev.n > 0) flush(cur);
}

/**
 * "Bought A, later bought B" rules. Per customer (each customer counts once per pair):
 * n_AB = customers who bought B on a day d2 with 0 < d2 − d1 ≤ window after buying A on d1;
 * n_A = customers who bought A and ordered again within the window after it ("A had a follow-up");
 * n_B = customers who bought B within the window after an earlier order ("B as a follow-up");
 * N = customers with at least one follow-up order. So confidence(A → B) = n_AB / n_A is the chance a
 * returning A buyer picks B, and lift compares it with the chance of any returning buyer picking B.
 * Direction matters: A then B is not B then A.
 */
export function mineSequentialRules(orders: OrderColumns, lines: LineColumns, options: SequentialOptions): RuleTable {
  const skuCount = lines.skuCodes.length;
  const w = options.windowDays ?? 180;
  const ante = new Int32Array(skuCount);
  const cons = new Int32Array(skuCount);
  const anteOwner = new Int32Array(skuCount).fill(-1);
  const consOwner = new Int32Array(skuCount).fill(-1);
  let followUp = 0;
  let hasPrev = new Uint8Array(64);
  let hasNext = new Uint8Array(64);
  const markDays = (ev: CustomerEvents): void => {
    if (hasPrev.length < ev.n) {
      hasPrev = new Uint8Array(ev.n * 2);
      hasNext = new Uint8Array(ev.n * 2);
    }
    // Distinct days are runs of equal ev.day; compare each run with its neighbours.
    let prevDay = -2147483648;
    let runStart = 0;
    for (let i = 0; i <= ev.n; i++) {
      if (i < ev.n && i > runStart && ev.day[i] === ev.day[runStart]) continue;
      if (i > 0) {
        const d = ev.day[runStart]!;
        const next = i < ev.n ? ev.day[i]! : 2147483647;
        const p = prevDay !== -2147483648 && d - prevDay <= w ? 1 : 0;
        const nx = i < ev.n && next - d <= w ? 1 : 0;
        for (let k = runStart; k < i; k++) {
          hasPrev[k] = p;
          hasNext[k] = nx;
        }
        prevDay = d;
      }
      runStart = i;
    }
  };
  forEachCustomerEvents(orders, lines, options, (ev, c) => {
    markDays(ev);
    let any = false;
    for (let i = 0; i < ev.n; i++) {
      const s = ev.sku[i]!;
      if (hasNext[i] === 1 && anteOwner[s] !== c) {
        anteOwner[s] = c;
        ante[s]!++;
      }
      if (hasPrev[i] === 1) {
        any = true;
        if (consOwner[s] !== c) {
          consOwner[s] = c;
          cons[s]!++;
        }
      }
    }
    if (any) followUp++;
  });
  let keys = new Float64Array(256);
  return buildRuleTable('after', followUp, ante, cons, options, (m: PairMatrix) => {
    const f = m.frequent;
    forEachCustomerEvents(orders, lines, options, (ev) => {
      let nk = 0;
      let lo = 0;
      let dayStart = 0;
      for (let i = 0; i < ev.n; i++) {
        const d2 = ev.day[i]!;
        if (d2 !== ev.day[dayStart]) dayStart = i;
        while (ev.day[lo]! < d2 - w) lo++;
        const fb = m.fid[ev.sku[i]!]!;
        if (fb < 0) continue;
        for (let k = lo; k < dayStart; k++) {
          const fa = m.fid[ev.sku[k]!]!;
          if (fa < m.rowFrom || fa >= m.rowTo || fa === fb) continue;
          if (nk === keys.length) {
            const a = new Float64Array(nk * 2);
            a.set(keys);
            keys = a;
          }
          keys[nk++] = fa * f + fb;
        }
      }
      if (nk === 0) return;
      sortPrefix(keys, nk);
      for (let i = 0; i < nk; i++) {
        const key = keys[i]!;
        if (i > 0 && key === keys[i - 1]) continue;
        const fa = Math.floor(key / f);
        m.add(fa, key - fa * f);
      }
    });
  });
}
