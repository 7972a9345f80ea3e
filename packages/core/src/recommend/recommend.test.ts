import { describe, expect, it } from 'vitest';
import { buildColumns, type OrderRow } from '../analytics/build-columns.ts';
import { computeReplenishment } from '../analytics/replenishment.ts';
import { estimateSkuCycles } from '../analytics/sku-cycles.ts';
import { mineRules } from './mine-rules.ts';
import { NO_REASON, reasonCodeOf, reasonLabel } from './reasons.ts';
import { recommendForCustomers, recommendPopular, type Recommendations } from './recommend.ts';
import { computeSkuProfile } from './sku-profile.ts';

const D = 20000;
const AS_OF = D + 100;
const rows: OrderRow[] = [];
// Durables: customers 0–9 buy a kettle and a mug together, once.
for (let c = 0; c < 10; c++) rows.push({ customer: c, day: D + c, netCents: 1, lines: [['kettle', 1], ['mug', 1]] });
// Consumable: customers 10–19 buy one shampoo every 30 days.
for (let c = 10; c < 20; c++) for (let k = 0; k < 4; k++) rows.push({ customer: c, day: D + 30 * k, netCents: 1, lines: [['shampoo', 1]] });
rows.push({ customer: 20, day: D + 80, netCents: 1, lines: [['kettle', 1]] }); // owns a kettle only
rows.push({ customer: 21, day: D + 60, netCents: 1, lines: [['shampoo', 1]] }); // due on D+90: due
rows.push({ customer: 22, day: D + 95, netCents: 1, lines: [['shampoo', 1]] }); // due on D+125: not due
rows.push({ customer: 23, day: D + 10, netCents: 1, lines: [['shampoo', 1]] }); // due on D+40, 60 d late > 1 cycle
const { orders, lines } = buildColumns(rows);
const code = (s: number): string => (s < 0 ? '' : lines.skuCodes[s]!);

/** SKU codes and reason codes of one customer's row. */
function row(recs: Recommendations, customer: number): { skus: string[]; reasons: (string | undefined)[]; sources: string[] } {
  const r = Array.from(recs.customer).indexOf(customer);
  const slots = Array.from({ length: recs.topN }, (_, k) => r * recs.topN + k).filter((i) => recs.sku[i]! >= 0);
  return { skus: slots.map((i) => code(recs.sku[i]!)), reasons: slots.map((i) => reasonCodeOf(recs.reason[i]!)), sources: slots.map((i) => code(recs.source[i]!)) };
}

describe('recommendForCustomers', () => {
  const rules = mineRules(orders, lines, { asOfDay: AS_OF });
  const base = { asOfDay: AS_OF, together: rules.together, after: rules.after, maxOverdueCycles: 1, horizonDays: 7 };
  const recs = recommendForCustomers(orders, lines, base);

  it('never recommends a durable the customer owns, and explains the rule', () => {
    // Shampoo: popular, score = 12 recent buyers / 13 recent customers ≈ 0.92. Mug: no recent buyer
    // (popular share 0), uplift from kettle → mug (n_AB 10, n_A 11, n_B 10, N = 10 + 40 + 4 = 54 baskets, prior 20):
    // 0.5^(20/90) × (10 − 11 × 10/54) / (11 + 20) ≈ 0.86 × 0.26 ≈ 0.22.
    expect(row(recs, 20)).toEqual({ skus: ['shampoo', 'mug'], reasons: ['popular', 'bought_together'], sources: ['', 'kettle'] });
    const mug = recs.score[Array.from(recs.customer).indexOf(20) * recs.topN + 1]!;
    expect(mug).toBeCloseTo(0.5 ** (20 / 90) * ((10 - (11 * 10) / 54) / 31), 12);
    for (let c = 0; c < 10; c++) expect(row(recs, c).skus).toEqual(['shampoo']);
    // Kettle owners (0–9 and 20) never get the kettle.
    for (const c of [0, 5, 9, 20]) expect(row(recs, c).skus).not.toContain('kettle');
  });

  it('recommends a due consumable first with due_replenishment; one not yet due is scaled down', () => {
    expect(row(recs, 21).skus[0]).toBe('shampoo');
    expect(row(recs, 21).reasons[0]).toBe('due_replenishment');
    expect(row(recs, 21).sources[0]).toBe('shampoo');
    // Due score = 1 + repeat share of shampoo (10 of 13 buyers bought it on ≥ 2 days).
    expect(recs.score[Array.from(recs.customer).indexOf(21) * recs.topN]).toBeCloseTo(1 + 10 / 13, 12);
    // Customer 22 bought it 5 days ago on a 30-day cycle: with a 7-day horizon the score is the
    // popular share 12/13 × (5 + 7) / 30, and the reason is not due_replenishment.
    const r22 = row(recs, 22);
    expect(r22.reasons[r22.skus.indexOf('shampoo')]).toBe('popular');
    expect(recs.score[Array.from(recs.customer).indexOf(22) * recs.topN + r22.skus.indexOf('shampoo')]).toBeCloseTo((12 / 13) * (12 / 30), 12);
    // 60 days late on a 30-day cycle with maxOverdueCycles 1: dropped, so plain popular at full score.
    expect(row(recs, 23).reasons[row(recs, 23).skus.indexOf('shampoo')]).toBe('popular');
    expect(recs.score[Array.from(recs.customer).indexOf(23) * recs.topN]).toBeCloseTo(12 / 13, 12);
  });

  it('gives the same due decisions from a replenishment list', () => {
    const cycles = estimateSkuCycles(orders, lines, AS_OF);
    const replenishment = computeReplenishment(orders, lines, cycles, AS_OF);
    const viaList = recommendForCustomers(orders, lines, { ...base, replenishment });
    expect(Array.from(viaList.sku)).toEqual(Array.from(recs.sku));
    expect(Array.from(viaList.reason)).toEqual(Array.from(recs.reason));
  });

  it('fills empty slots with -1 / NO_REASON and supports a customer subset', () => {
    const sub = recommendForCustomers(orders, lines, { ...base, customers: Int32Array.of(20, 21), topN: 3 });
    expect(Array.from(sub.customer)).toEqual([20, 21]);
    expect(sub.sku[2]).toBe(-1);
    expect(sub.reason[2]).toBe(NO_REASON);
    expect(row(sub, 20).skus).toEqual(row(recs, 20).skus);
  });
});

describe('popular baseline and SKU profile', () => {
  it('flags consumables by repeat share', () => {
    const p = computeSkuProfile(orders, lines, { asOfDay: AS_OF });
    // shampoo: 13 buyers, 10 bought on ≥ 2 days (share 0.77); kettle: 11 buyers, none twice.
    expect(p.buyers[lines.skuCodes.indexOf('shampoo')]).toBe(13);
    expect(p.repeatBuyers[lines.skuCodes.indexOf('shampoo')]).toBe(10);
    expect(p.consumable[lines.skuCodes.indexOf('shampoo')]).toBe(1);
    expect(p.consumable[lines.skuCodes.indexOf('kettle')]).toBe(0);
    expect(Array.from(p.popular).map(code)).toEqual(['shampoo', 'kettle']);
  });

  it('leaves out owned durables but keeps owned consumables', () => {
    const pop = recommendPopular(orders, lines, { asOfDay: AS_OF });
    expect(row(pop, 20).skus).toEqual(['shampoo']);
    expect(row(pop, 22).skus).toEqual(['shampoo', 'kettle']);
    expect(row(pop, 22).reasons).toEqual(['popular', 'popular']);
  });
});

describe('reason labels', () => {
  it('has Chinese and English labels, with the source SKU when given', () => {
    expect(reasonLabel(0, 'zh')).toBe('该补货了');
    expect(reasonLabel(3, 'en')).toBe('Popular');
    expect(reasonLabel(2, 'zh', '洗发水')).toBe('买过洗发水的人之后常买');
    expect(reasonLabel(1, 'en', 'kettle')).toBe('Often bought together with kettle');
    expect(reasonLabel(NO_REASON, 'zh')).toBe('');
  });
});
