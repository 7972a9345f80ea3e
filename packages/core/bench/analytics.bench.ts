// Per-customer analytics at shop scale: 1,000,000 customers / 10,000,000 orders of synthetic columnar
// data (seeded PRNG). Prints the median of 3 runs per step, the total, peak RSS, and as a same-run
// baseline one plain pass summing netCents per customer.
// Run: npx tsx packages/core/bench/analytics.bench.ts [customers] [orders]
import {
  adaptiveLifecycleThresholds,
  computeCustomerFacts,
  computeCustomerTypes,
  computeLifecycle,
  computeReplenishment,
  computeRfm,
  computeTierHistory,
  DEFAULT_TIER_CONFIG,
  estimateCustomerCycles,
  estimateSkuCycles,
  type LineColumns,
  type OrderColumns,
} from '../src/index.ts';

const CUSTOMERS = Number(process.argv[2] ?? 1_000_000);
const ORDERS = Number(process.argv[3] ?? 10_000_000);
const SKUS = 5_000;
const START = 19_000; // 2022-01-08
const AS_OF = START + 4 * 365;

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
  const rand = rng(20241111);
  // Orders per customer: 1 + exponential (mean ~ ORDERS / CUSTOMERS), then nudged to the exact total.
  const counts = new Int32Array(CUSTOMERS);
  const mean = ORDERS / CUSTOMERS - 1;
  let total = 0;
  for (let c = 0; c < CUSTOMERS; c++) {
    counts[c] = 1 + Math.floor(-Math.log(1 - rand()) * mean);
    total += counts[c]!;
  }
  while (total !== ORDERS) {
    const c = Math.floor(rand() * CUSTOMERS);
    if (total < ORDERS) { counts[c]!++; total++; }
    else if (counts[c]! > 1) { counts[c]!--; total--; }
  }
  const customer = new Int32Array(ORDERS);
  const day = new Int32Array(ORDERS);
  const netCents = new Float64Array(ORDERS);
  const refundCents = new Float64Array(ORDERS);
  const valid = new Uint8Array(ORDERS);
  let lineCap = Math.ceil(ORDERS * 1.4);
  let lOrder = new Int32Array(lineCap);
  let lSku = new Int32Array(lineCap);
  let lQty = new Int32Array(lineCap);
  let nl = 0;
  let i = 0;
  for (let c = 0; c < CUSTOMERS; c++) {
    const cycle = 10 + rand() * 80; // this customer's own rhythm
    const fav = Math.floor(rand() * SKUS);
    let d = START + Math.floor(rand() * 1095);
    for (let k = 0; k < counts[c]!; k++, i++) {
      customer[i] = c;
      day[i] = d;
      const paid = 3000 + Math.floor(rand() * 27000);
      const ok = rand() < 0.95;
      const refund = rand() < 0.05 ? Math.floor(paid * rand() * 0.5) : 0;
      valid[i] = ok ? 1 : 0;
      refundCents[i] = refund;
      netCents[i] = paid - refund;
      const nLines = rand() < 0.3 ? 2 : 1;
      for (let z = 0; z < nLines; z++) {
        if (nl === lineCap) {
          lineCap *= 2;
          const a = new Int32Array(lineCap); a.set(lOrder); lOrder = a;
          const b = new Int32Array(lineCap); b.set(lSku); lSku = b;
          const q = new Int32Array(lineCap); q.set(lQty); lQty = q;
        }
        lOrder[nl] = i;
        lSku[nl] = rand() < 0.6 ? (fav + z) % SKUS : Math.floor(SKUS * rand() ** 3);
        const u = rand();
        lQty[nl] = u < 0.7 ? 1 : u < 0.9 ? 2 : 3;
        nl++;
      }
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
const totals: number[] = [];
let sink = 0;
for (let run = 0; run < 3; run++) {
  const base = time('baseline: sum netCents per customer', () => {
    const sum = new Float64Array(CUSTOMERS);
    for (let k = 0; k < ORDERS; k++) {
      const c = orders.customer[k]!;
      sum[c] = sum[c]! + orders.netCents[k]!;
    }
    return sum;
  });
  const b = performance.now();
  const facts = time('facts', () => computeCustomerFacts(orders, lines, AS_OF));
  const rfm = time('rfm (scores + segments)', () => computeRfm(facts));
  const custCycles = time('customer cycles (shop C)', () => estimateCustomerCycles(orders, AS_OF));
  const types = time('lifecycle (adaptive) + types', () => {
    const stages = computeLifecycle(facts, adaptiveLifecycleThresholds(custCycles.shop.medianDays));
    return computeCustomerTypes(facts, stages);
  });
  const tiersLife = time('tiers lifetime + history', () => computeTierHistory(orders, DEFAULT_TIER_CONFIG, AS_OF));
  const tiersRoll = time('tiers rolling 365 d + history', () => computeTierHistory(orders, { ...DEFAULT_TIER_CONFIG, window: { kind: 'rolling', days: 365 } }, AS_OF));
  const sku = time('per-SKU cycles', () => estimateSkuCycles(orders, lines, AS_OF));
  const due = time('replenishment due list', () => computeReplenishment(orders, lines, sku, AS_OF));
  totals.push(performance.now() - b); // the baseline is not part of the analysis total
  sink += base[0]! + rfm.buyers + types[0]! + tiersLife.eventDay.length + tiersRoll.eventDay.length + due.dueDay.length;
  if (run === 0) {
    console.log(`  buyers ${rfm.buyers.toLocaleString()}, shop cycle C ${custCycles.shop.medianDays.toFixed(1)} d, tier events lifetime ${tiersLife.eventDay.length.toLocaleString()} / rolling ${tiersRoll.eventDay.length.toLocaleString()}, SKUs with cycles ${sku.samples.filter((s) => s >= 5).length}, due rows ${due.dueDay.length.toLocaleString()}`);
  }
}
console.log('\nstep (median of 3)                      ms');
for (const [name, xs] of Object.entries(steps)) console.log(`${name.padEnd(38)} ${median(xs).toFixed(0).padStart(6)}`);
console.log(`${'TOTAL analysis (median of 3 runs)'.padEnd(38)} ${median(totals).toFixed(0).padStart(6)}`);
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (includes ~${((ORDERS * 25 + lines.order.length * 12) / 1e6).toFixed(0)} MB of input columns)`);
if (sink === 42) console.log('');
