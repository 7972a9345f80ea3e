import type { LineColumns, OrderColumns } from '../analytics/columns.ts';
import { buildRuleTable, type PairMatrix, type RuleTable, type RuleThresholds } from './rule-table.ts';

/** Options for `mineCoPurchaseRules`. */
export interface CoPurchaseOptions extends RuleThresholds {
  /** Orders dated after this day are ignored. */
  readonly asOfDay: number;
  /** Orders dated before this day are ignored (default: no lower bound). */
  readonly fromDay?: number;
  /** A basket is one order (default) or all orders of one customer on one day. */
  readonly basket?: 'order' | 'customer_day';
  /** Baskets with more distinct SKUs add no pairs (wholesale / test orders; default 50). They still count in N and n_A. */
  readonly maxBasketSkus?: number;
}

/**
 * Calls `visit(items, n)` once per basket with its distinct SKU ids in `items[0..n)` (the buffer is
 * reused). Only valid orders with `fromDay ≤ day ≤ asOfDay` and at least one line count.
 */
export function forEachBasket(orders: OrderColumns, lines: LineColumns, options: CoPurchaseOptions, visit: (items: Int32Array, n: number) => void): void {
  const { customer, day, valid } = orders;
  const { order: lOrder, sku: lSku } = lines;
  const byDay = options.basket === 'customer_day';
  const from = options.fromDay ?? -2147483648;
  const stamp = new Int32Array(lines.skuCodes.length).fill(-1);
  let items = new Int32Array(64);
  let n = 0;
  let basket = -1;
  let prevOrder = -1;
  for (let j = 0; j < lOrder.length; j++) {
    const o = lOrder[j]!;
    if (o !== prevOrder) {
      const d = day[o]!;
      if (valid[o] !== 1 || d > options.asOfDay || d < from) continue;
      const same = byDay && prevOrder >= 0 && customer[prevOrder] === customer[o] && day[prevOrder] === d;
      if (!same) {
        if (n > 0) visit(items, n);
        n = 0;
        basket++;
      }
      prevOrder = o;
    }
    const s = lSku[j]!;
    if (stamp[s] === basket) continue;
    stamp[s] = basket;
    if (n === items.length) {
      const a = new Int32Array(n * 2);
      a.set(items);
      items = a;
    }
    items[n++] = s;
  }
  if (n > 0) visit(items, n);
}

/**
 * "Bought together" rules from the shop's baskets: N = baskets, n_A = baskets holding A, n_AB =
 * baskets holding both; confidence(A → B) = n_AB / n_A, lift = confidence / (n_B / N). Two passes
 * over the lines (counts, then pairs; more passes when the pair matrix is chunked).
 */
export function mineCoPurchaseRules(orders: OrderColumns, lines: LineColumns, options: CoPurchaseOptions): RuleTable {
  const skuCount = lines.skuCodes.length;
  const maxSkus = options.maxBasketSkus ?? 50;
  const itemCount = new Int32Array(skuCount);
  let baskets = 0;
  forEachBasket(orders, lines, options, (items, n) => {
    baskets++;
    for (let i = 0; i < n; i++) itemCount[items[i]!]!++;
  });
  let fItems = new Int32Array(64);
  return buildRuleTable('together', baskets, itemCount, itemCount, options, (m: PairMatrix) => {
    forEachBasket(orders, lines, options, (items, n) => {
      if (n < 2 || n > maxSkus) return;
      if (fItems.length < n) fItems = new Int32Array(n * 2);
      let k = 0;
      for (let i = 0; i < n; i++) {
        const f = m.fid[items[i]!]!;
        if (f >= 0) fItems[k++] = f;
      }
      for (let i = 0; i < k; i++) {
        const a = fItems[i]!;
        if (a < m.rowFrom || a >= m.rowTo) continue;
        for (let x = 0; x < k; x++) if (x !== i) m.add(a, fItems[x]!);
      }
    });
  });
}
