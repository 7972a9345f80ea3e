import { describe, expect, it } from 'vitest';
import { buildColumns, type OrderRow } from '../analytics/build-columns.ts';
import { mineCoPurchaseRules } from './co-purchase.ts';
import type { RuleTable } from './rule-table.ts';
import { mineSequentialRules } from './sequential.ts';

const D = 20000;
const loose = { minSupportCount: 1, minConfidence: 0, minLift: 0 };

/** The rule a → b as plain numbers, or undefined when not kept. */
function rule(t: RuleTable, skuCodes: readonly string[], a: string, b: string): { count: number; support: number; confidence: number; lift: number } | undefined {
  const ia = skuCodes.indexOf(a);
  const ib = skuCodes.indexOf(b);
  for (let r = t.start[ia]!; r < t.start[ia + 1]!; r++) {
    if (t.consequent[r] === ib) return { count: t.count[r]!, support: t.support[r]!, confidence: t.confidence[r]!, lift: t.lift[r]! };
  }
  return undefined;
}

describe('co-purchase rules', () => {
  // Five baskets (one order each): {A,B} {A,B,C} {A,C} {B} {A,B}, plus an invalid order and a later one.
  const rows: OrderRow[] = [
    { customer: 0, day: D, netCents: 1, lines: [['A', 1], ['B', 2]] },
    { customer: 1, day: D, netCents: 1, lines: [['A', 1], ['B', 1], ['C', 1], ['A', 1]] },
    { customer: 2, day: D, netCents: 1, lines: [['A', 1], ['C', 1]] },
    { customer: 3, day: D, netCents: 1, lines: [['B', 1]] },
    { customer: 4, day: D, netCents: 1, lines: [['A', 1], ['B', 1]] },
    { customer: 4, day: D, netCents: 1, valid: false, lines: [['B', 1], ['C', 1]] },
    { customer: 4, day: D + 5, netCents: 1, lines: [['B', 1], ['C', 1]] },
  ];
  const { orders, lines } = buildColumns(rows);
  const t = mineCoPurchaseRules(orders, lines, { asOfDay: D, ...loose });

  it('computes support, confidence and lift by hand', () => {
    // N = 5 baskets (invalid and after-asOf orders ignored; the duplicate A line counts once).
    // n_A = 4 ({A,B} {A,B,C} {A,C} {A,B}), n_B = 4, n_C = 2.
    expect(t.transactions).toBe(5);
    expect(Array.from(t.antecedentCount)).toEqual([4, 4, 2]);
    // A→B: n_AB = 3; support 3/5 = 0.6; confidence 3/4 = 0.75; lift 0.75 / (4/5) = 0.9375.
    const ab = rule(t, lines.skuCodes, 'A', 'B')!;
    expect(ab.count).toBe(3);
    expect(ab.support).toBeCloseTo(0.6, 12);
    expect(ab.confidence).toBeCloseTo(0.75, 12);
    expect(ab.lift).toBeCloseTo(0.9375, 12);
    // A→C: n_AC = 2; support 2/5 = 0.4; confidence 2/4 = 0.5; lift 0.5 / (2/5) = 1.25.
    const ac = rule(t, lines.skuCodes, 'A', 'C')!;
    expect([ac.count, ac.support, ac.confidence]).toEqual([2, 0.4, 0.5]);
    expect(ac.lift).toBeCloseTo(1.25, 12);
    // C→A: confidence 2/2 = 1; lift 1 / (4/5) = 1.25 (lift is symmetric, confidence is not).
    const ca = rule(t, lines.skuCodes, 'C', 'A')!;
    expect(ca.confidence).toBe(1);
    expect(ca.lift).toBeCloseTo(1.25, 12);
    // B→C: n_BC = 1; confidence 1/4; lift 0.25 / (2/5) = 0.625.
    expect(rule(t, lines.skuCodes, 'B', 'C')!.lift).toBeCloseTo(0.625, 12);
    // Rules of A are sorted by confidence: B (0.75) before C (0.5).
    expect(Array.from(t.consequent.subarray(t.start[0]!, t.start[1]!))).toEqual([1, 2]);
  });

  it('applies thresholds', () => {
    const strict = mineCoPurchaseRules(orders, lines, { asOfDay: D, minSupportCount: 2, minConfidence: 0.6, minLift: 1 });
    // A→B fails lift (0.9375), A→C fails confidence (0.5); C→A passes (2, 1.0, 1.25).
    expect(rule(strict, lines.skuCodes, 'A', 'B')).toBeUndefined();
    expect(rule(strict, lines.skuCodes, 'A', 'C')).toBeUndefined();
    expect(rule(strict, lines.skuCodes, 'C', 'A')?.count).toBe(2);
    expect(strict.consequent.length).toBe(1);
  });

  it('merges a customer-day into one basket, and gives the same counts when the pair matrix is chunked', () => {
    const byDay = mineCoPurchaseRules(orders, lines, { asOfDay: D + 5, basket: 'customer_day', ...loose });
    // Customer 4 day D+5 adds basket {B,C}: N = 6, n_BC = 2, n_B = 5, n_C = 3.
    expect(byDay.transactions).toBe(6);
    expect(rule(byDay, lines.skuCodes, 'B', 'C')!.confidence).toBeCloseTo(2 / 5, 12);
    const chunked = mineCoPurchaseRules(orders, lines, { asOfDay: D + 5, basket: 'customer_day', ...loose, maxPairCells: 3 });
    expect(Array.from(chunked.count)).toEqual(Array.from(byDay.count));
    expect(Array.from(chunked.consequent)).toEqual(Array.from(byDay.consequent));
  });

  it('keeps at most maxRulesPerSku consequents', () => {
    const capped = mineCoPurchaseRules(orders, lines, { asOfDay: D, ...loose, maxRulesPerSku: 1 });
    expect(Array.from(capped.start)).toEqual([0, 1, 2, 3]);
    expect(rule(capped, lines.skuCodes, 'A', 'B')?.count).toBe(3);
  });
});

describe('sequential rules', () => {
  const rows: OrderRow[] = [
    { customer: 0, day: D, netCents: 1, lines: [['A', 1]] },
    { customer: 0, day: D + 30, netCents: 1, lines: [['B', 1]] },
    { customer: 1, day: D, netCents: 1, lines: [['A', 1]] },
    { customer: 1, day: D + 10, netCents: 1, lines: [['B', 1]] },
    { customer: 1, day: D + 20, netCents: 1, lines: [['B', 1]] },
    { customer: 2, day: D, netCents: 1, lines: [['A', 1]] },
    { customer: 2, day: D + 20, netCents: 1, lines: [['C', 1]] },
    { customer: 3, day: D, netCents: 1, lines: [['B', 1]] },
    { customer: 3, day: D + 300, netCents: 1, lines: [['C', 1]] },
    { customer: 4, day: D, netCents: 1, lines: [['A', 1], ['D', 1]] },
    { customer: 4, day: D + 400, netCents: 1, lines: [['B', 1]] },
    { customer: 5, day: D, netCents: 1, lines: [['C', 1]] },
    { customer: 5, day: D + 10, netCents: 1, lines: [['D', 1]] },
  ];
  const { orders, lines } = buildColumns(rows);
  const t = mineSequentialRules(orders, lines, { asOfDay: D + 1000, ...loose });

  it('measures "A then B" per customer within the window', () => {
    // Follow-up customers (an order within 180 d after an earlier one): 0, 1, 2, 5 → N = 4.
    // n_A (A with a later order within 180 d) = customers 0, 1, 2 = 3 (customer 4's next order is 400 d later).
    // n_B (B after an earlier order within 180 d) = customers 0, 1 = 2 (customer 1 counts once).
    expect(t.transactions).toBe(4);
    expect(t.antecedentCount[lines.skuCodes.indexOf('A')]).toBe(3);
    expect(t.consequentCount[lines.skuCodes.indexOf('B')]).toBe(2);
    // A→B: n_AB = 2 (customers 0 and 1); support 2/4 = 0.5; confidence 2/3; lift (2/3) / (2/4) = 4/3.
    const ab = rule(t, lines.skuCodes, 'A', 'B')!;
    expect(ab.count).toBe(2);
    expect(ab.support).toBe(0.5);
    expect(ab.confidence).toBeCloseTo(2 / 3, 12);
    expect(ab.lift).toBeCloseTo(4 / 3, 12);
    // A→C: customer 2 only; confidence 1/3, n_C = 1 (customer 2; customer 3's C is 300 d late) → lift (1/3)/(1/4) = 4/3.
    expect(rule(t, lines.skuCodes, 'A', 'C')!.count).toBe(1);
  });

  it('is directional: A then B is not B then A', () => {
    expect(rule(t, lines.skuCodes, 'B', 'A')).toBeUndefined();
    // Same-day purchases (A and D by customer 4) are not "after" either way.
    expect(rule(t, lines.skuCodes, 'A', 'D')).toBeUndefined();
    expect(rule(t, lines.skuCodes, 'C', 'D')!.count).toBe(1);
    expect(rule(t, lines.skuCodes, 'D', 'C')).toBeUndefined();
  });

  it('honours the window', () => {
    // With a 450-day window, customer 4 (A, then B 400 d later) and customer 3 (B, then C 300 d later) count too.
    const wide = mineSequentialRules(orders, lines, { asOfDay: D + 1000, ...loose, windowDays: 450 });
    expect(rule(wide, lines.skuCodes, 'A', 'B')!.count).toBe(3);
    expect(rule(wide, lines.skuCodes, 'B', 'C')!.count).toBe(1);
    expect(rule(t, lines.skuCodes, 'B', 'C')).toBeUndefined();
  });
});
