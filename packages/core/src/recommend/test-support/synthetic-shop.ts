// Synthetic shops for the recommender tests: Zipf-popular SKUs, random orders, optional planted rules.
import { buildColumns, type OrderRow } from '../../analytics/build-columns.ts';
import type { LineColumns, OrderColumns } from '../../analytics/columns.ts';

/** mulberry32: small, fast, seeded. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Shape of a synthetic shop. */
export interface ShopSpec {
  readonly seed: number;
  readonly customers: number;
  readonly skus: number;
  /** Days 0 … days−1. */
  readonly days: number;
  /** Planted "X then Y" rules: with probability `prob`, a buyer of X orders Y `lagDays` later. */
  readonly planted?: readonly { readonly x: number; readonly y: number; readonly prob: number; readonly lagDays: number }[];
}

/** Orders with 1–2 lines each, SKUs drawn with Zipf(0.8) popularity, customers ordering every ~60 days. */
export function syntheticShop(spec: ShopSpec): { orders: OrderColumns; lines: LineColumns } {
  const rand = rng(spec.seed);
  const weights = Array.from({ length: spec.skus }, (_, s) => 1 / (s + 1) ** 0.8);
  const cum: number[] = [];
  let total = 0;
  for (const w of weights) cum.push((total += w));
  const draw = (): number => {
    const u = rand() * total;
    let lo = 0;
    while (cum[lo]! < u) lo++;
    return lo;
  };
  const planted = spec.planted ?? [];
  const rows: OrderRow[] = [];
  for (let c = 0; c < spec.customers; c++) {
    let d = Math.floor(rand() * spec.days);
    const orders = 1 + Math.floor(-Math.log(1 - rand()) * 2);
    for (let k = 0; k < orders && d < spec.days; k++) {
      const skus = new Set<number>([draw()]);
      if (rand() < 0.4) skus.add(draw());
      rows.push({ customer: c, day: d, netCents: 5000, lines: [...skus].map((s) => [`S${s}`, 1] as const) });
      for (const p of planted) {
        if (skus.has(p.x) && rand() < p.prob && d + p.lagDays < spec.days) rows.push({ customer: c, day: d + p.lagDays, netCents: 3000, lines: [[`S${p.y}`, 1]] });
      }
      d += 1 + Math.floor(-Math.log(1 - rand()) * 60);
    }
  }
  // Make SKU ids equal to the numbers in the codes: one zero-revenue invalid order lists them in order.
  rows.unshift({ customer: 0, day: 0, netCents: 0, valid: false, lines: weights.map((_, s) => [`S${s}`, 1] as const) });
  return buildColumns(rows, spec.customers);
}
