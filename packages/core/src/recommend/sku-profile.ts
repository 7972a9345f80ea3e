import type { LineColumns, OrderColumns } from '../analytics/columns.ts';

/** Options for `computeSkuProfile`. */
export interface SkuProfileOptions {
  /** Orders dated after this day are ignored. */
  readonly asOfDay: number;
  /** Orders dated before this day are ignored (default: no lower bound). */
  readonly fromDay?: number;
  /** "Popular" counts buyers in the last this-many days up to asOfDay (default 90). */
  readonly popularWindowDays?: number;
  /** Consumable when at least this share of buyers bought it on two or more days (default 0.1)… */
  readonly minRepeatShare?: number;
  /** …and at least this many buyers did (default 3). */
  readonly minRepeatBuyers?: number;
  /** Seller's own flags (1 = consumable), overriding the rule above when given (length skuCount). */
  readonly consumable?: Uint8Array;
}

/** Per-SKU buyer counts and flags, indexed by dense SKU id. */
export interface SkuProfile {
  /** Distinct customers who bought the SKU (valid orders in range). */
  readonly buyers: Int32Array;
  /** Distinct customers who bought it on two or more different days. */
  readonly repeatBuyers: Int32Array;
  /** Distinct buyers within the popular window. */
  readonly recentBuyers: Int32Array;
  /** Distinct customers with any valid line in the popular window. */
  readonly recentCustomers: number;
  /** 1 when the SKU is treated as a consumable (re-bought), else 0: owned ones are not excluded when due. */
  readonly consumable: Uint8Array;
  /** SKU ids with recent buyers, most recent buyers first (ties: more buyers overall, then lower id). */
  readonly popular: Int32Array;
}

/**
 * Buyer counts, repeat share and popularity per SKU, in one pass over the lines. A SKU is a
 * consumable when `repeatBuyers ≥ minRepeatBuyers` and `repeatBuyers / buyers ≥ minRepeatShare`:
 * a meaningful share of its buyers came back for it. (A cycle estimate alone is not enough: five
 * re-buy intervals from gift buyers exist for any durable bestseller.)
 */
export function computeSkuProfile(orders: OrderColumns, lines: LineColumns, options: SkuProfileOptions): SkuProfile {
  const skuCount = lines.skuCodes.length;
  const { customer, day, valid } = orders;
  const { order: lOrder, sku: lSku } = lines;
  const from = options.fromDay ?? -2147483648;
  const recentFrom = options.asOfDay - (options.popularWindowDays ?? 90);
  const buyers = new Int32Array(skuCount);
  const repeatBuyers = new Int32Array(skuCount);
  const recentBuyers = new Int32Array(skuCount);
  const owner = new Int32Array(skuCount).fill(-1);
  const firstDay = new Int32Array(skuCount);
  const repeatOwner = new Int32Array(skuCount).fill(-1);
  const recentOwner = new Int32Array(skuCount).fill(-1);
  let recentCustomers = 0;
  let lastRecentCustomer = -1;
  for (let j = 0; j < lOrder.length; j++) {
    const o = lOrder[j]!;
    const d = day[o]!;
    if (valid[o] !== 1 || d > options.asOfDay || d < from) continue;
    const c = customer[o]!;
    const s = lSku[j]!;
    if (owner[s] !== c) {
      owner[s] = c;
      firstDay[s] = d;
      buyers[s]!++;
    } else if (d !== firstDay[s] && repeatOwner[s] !== c) {
      repeatOwner[s] = c;
      repeatBuyers[s]!++;
    }
    if (d > recentFrom) {
      if (recentOwner[s] !== c) {
        recentOwner[s] = c;
        recentBuyers[s]!++;
      }
      if (lastRecentCustomer !== c) {
        lastRecentCustomer = c;
        recentCustomers++;
      }
    }
  }
  let consumable = options.consumable;
  if (consumable === undefined) {
    const share = options.minRepeatShare ?? 0.1;
    const minRepeat = options.minRepeatBuyers ?? 3;
    consumable = new Uint8Array(skuCount);
    for (let s = 0; s < skuCount; s++) {
      if (repeatBuyers[s]! >= minRepeat && repeatBuyers[s]! >= share * buyers[s]!) consumable[s] = 1;
    }
  }
  let n = 0;
  for (let s = 0; s < skuCount; s++) if (recentBuyers[s]! > 0) n++;
  const popular = new Int32Array(n);
  n = 0;
  for (let s = 0; s < skuCount; s++) if (recentBuyers[s]! > 0) popular[n++] = s;
  const sorted = Array.from(popular).sort((a, b) => recentBuyers[b]! - recentBuyers[a]! || buyers[b]! - buyers[a]! || a - b);
  popular.set(sorted);
  return { buyers, repeatBuyers, recentBuyers, recentCustomers, consumable, popular };
}
