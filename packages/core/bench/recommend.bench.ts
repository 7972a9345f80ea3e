// Recommendations at shop scale: 1,000,000 customers / 10,000,000 orders / ~13,000,000 lines over
// 5,000 SKUs of synthetic columnar data (seeded PRNG) with planted structure: bundles (the second line
// of an order is often the first SKU's partner), follow-ups (a buyer of X often orders Y next) and
// staples (30% of customers re-buy one of 100 consumables).
// Prints the median of 3 runs per step, peak RSS, and as a same-run baseline the popularity
// recommender, plus a holdout evaluation of the model against it.
// Run: npx tsx packages/core/bench/recommend.bench.ts [customers] [orders]
import {
  computeSkuProfile,
  estimateSkuCycles,
  evaluateRecommendations,
  mineCoPurchaseRules,
  mineSequentialRules,
  recommendForCustomers,
  recommendPopular,
  type LineColumns,
  type OrderColumns,
} from '../src/index.ts';

const CUSTOMERS = Number(process.argv[2] ?? 1_000_000);
const ORDERS = Number(process.argv[3] ?? 10_000_000);
const SKUS = 5_000;
const START = 19_000;
const AS_OF = START + 3 * 365;

/** mulberry32: small, fast, seeded. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generate(): { orders: OrderColumns; lines: LineColumns } {
  const rand = rng(20250618);
  const zipf = (): number => Math.min(SKUS - 1, Math.floor(SKUS * rand() ** 3)); // popular SKUs first
  const partner = (s: number): number => (s < 2000 ? s ^ 1 : zipf()); // bundles among the top 2,000
  const next = (s: number): number => (s + 2500) % SKUS; // follow-up: X → X + 2500
  const counts = new Int32Array(CUSTOMERS);
  let total = 0;
  for (let c = 0; c < CUSTOMERS; c++) total += counts[c] = 1 + Math.floor(-Math.log(1 - rand()) * (ORDERS / CUSTOMERS - 1));
  while (total !== ORDERS) {
    const c = Math.floor(rand() * CUSTOMERS);
    if (total < ORDERS) {
      counts[c]!++;
      total++;
    } else if (counts[c]! > 1) {
      counts[c]!--;
      total--;
    }
  }
  const customer = new Int32Array(ORDERS);
  const day = new Int32Array(ORDERS);
  const netCents = new Float64Array(ORDERS).fill(9900);
  const refundCents = new Float64Array(ORDERS);
  const valid = new Uint8Array(ORDERS).fill(1);
  const cap = Math.ceil(ORDERS * 1.35);
  const lOrder = new Int32Array(cap);
  const lSku = new Int32Array(cap);
  const lQty = new Int32Array(cap);
  let nl = 0;
  let i = 0;
  for (let c = 0; c < CUSTOMERS; c++) {
    const cycle = 10 + rand() * 80;
    let d = START + Math.floor(rand() * 1095);
    let follow = -1;
    const staple = rand() < 0.3 ? 4000 + Math.floor(rand() * 100) : -1; // a consumable this customer re-buys
    for (let k = 0; k < counts[c]!; k++, i++) {
      customer[i] = c;
      day[i] = d;
      const first = follow >= 0 && rand() < 0.6 ? follow : zipf();
      lOrder[nl] = i;
      lSku[nl] = first;
      lQty[nl++] = rand() < 0.8 ? 1 : 2;
      if (rand() < 0.3 && nl < cap) {
        lOrder[nl] = i;
        lSku[nl] = staple >= 0 && rand() < 0.5 ? staple : rand() < 0.5 ? partner(first) : zipf();
        lQty[nl++] = 1;
        if (lSku[nl - 1] === first) nl--;
      }
      follow = first < 2500 ? next(first) : -1;
      d += 1 + Math.floor(-Math.log(1 - rand()) * cycle);
    }
  }
  const skuCodes = Array.from({ length: SKUS }, (_, s) => `SKU-${s}`);
  return {
    orders: { customerCount: CUSTOMERS, customer, day, netCents, refundCents, valid },
    lines: { order: lOrder.slice(0, nl), sku: lSku.slice(0, nl), quantity: lQty.slice(0, nl), skuCodes },
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const t0 = performance.now();
const { orders, lines } = generate();
console.log(`generated ${CUSTOMERS.toLocaleString()} customers, ${ORDERS.toLocaleString()} orders, ${lines.order.length.toLocaleString()} lines in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
const steps: Record<string, number[]> = {};
const time = <T>(name: string, fn: () => T): T => {
  const a = performance.now();
  const out = fn();
  (steps[name] ??= []).push(performance.now() - a);
  return out;
};
let sink = 0;
for (let run = 0; run < 3; run++) {
  const together = time('mine bought-together rules', () => mineCoPurchaseRules(orders, lines, { asOfDay: AS_OF }));
  const after = time('mine bought-after rules (180 d)', () => mineSequentialRules(orders, lines, { asOfDay: AS_OF }));
  const profile = time('SKU profile (popular, consumables)', () => computeSkuProfile(orders, lines, { asOfDay: AS_OF }));
  const cycles = time('SKU cycles (for due timing)', () => estimateSkuCycles(orders, lines, AS_OF));
  const recs = time('recommend top 5 for all customers', () => recommendForCustomers(orders, lines, { asOfDay: AS_OF, together, after, profile, cycles }));
  const pop = time('baseline: popular top 5 for all', () => recommendPopular(orders, lines, { asOfDay: AS_OF, profile }));
  sink += recs.sku[0]! + pop.sku[0]!;
  if (run === 0) {
    const reasons = new Int32Array(256);
    for (let k = 0; k < recs.reason.length; k++) reasons[recs.reason[k]!]!++;
    console.log(`  rules: together ${together.consequent.length.toLocaleString()} (N ${together.transactions.toLocaleString()} baskets), after ${after.consequent.length.toLocaleString()} (N ${after.transactions.toLocaleString()} customers); consumables ${profile.consumable.reduce((a, b) => a + b, 0)}`);
    console.log(`  slots by reason: due ${reasons[0]}, together ${reasons[1]}, after ${reasons[2]}, popular ${reasons[3]}, empty ${reasons[255]}`);
  }
}
console.log('\nstep (median of 3)                        ms');
for (const [name, xs] of Object.entries(steps)) console.log(`${name.padEnd(40)} ${median(xs).toFixed(0).padStart(6)}`);
const e0 = performance.now();
const ev = evaluateRecommendations(orders, lines, { calibrationEndDay: AS_OF - 60, holdoutDays: 60, topN: 5 });
const f = (m: typeof ev.model): string => `hit@5 ${m.hitRate.toFixed(3)}  precision@5 ${m.precision.toFixed(3)}  recall@5 ${m.recall.toFixed(3)}  coverage ${m.coverage.toFixed(3)}`;
console.log(`\nholdout evaluation (last 60 days, ${ev.customersEvaluated.toLocaleString()} returning buyers, ${((performance.now() - e0) / 1000).toFixed(1)} s)`);
console.log(`  model   ${f(ev.model)}  ${JSON.stringify(ev.model.hitsByReason)}`);
console.log(`  popular ${f(ev.popular)}`);
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (includes ~${((ORDERS * 25 + lines.order.length * 12) / 1e6).toFixed(0)} MB of input columns)`);
if (sink === 42) console.log('');
