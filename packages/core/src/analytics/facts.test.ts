import { describe, expect, it } from 'vitest';
import { buildColumns } from './build-columns.ts';
import { checkColumns, NO_DAY } from './columns.ts';
import { computeCustomerFacts } from './facts.ts';

// Days are plain small numbers here; asOfDay = 100.
const { orders, lines } = buildColumns(
  [
    { customer: 0, day: 10, netCents: 10000, lines: [['A', 2], ['B', 1]] },
    { customer: 0, day: 10, netCents: 5000, lines: [['A', 1]] },
    { customer: 0, day: 30, netCents: 7000, valid: false, lines: [['C', 5]] },
    { customer: 0, day: 40, netCents: 8000, refundCents: 2000, lines: [['B', 3]] },
    { customer: 0, day: 80, netCents: 3000, lines: [['D', 1]] },
    { customer: 0, day: 90, netCents: 1000, lines: [['E', 1]] },
    { customer: 0, day: 120, netCents: 99999, lines: [['E', 9]] }, // after asOfDay: ignored
    { customer: 2, day: 50, netCents: 4000, refundCents: 4000, valid: false },
    { customer: 3, day: 95, netCents: 2000, lines: [['A', 1]] },
  ],
  5,
);

describe('computeCustomerFacts', () => {
  const f = computeCustomerFacts(orders, lines, 100);
  it('passes the column checks', () => {
    expect(checkColumns(orders, lines)).toEqual([]);
  });
  it('computes a repeat buyer by hand', () => {
    // Orders ≤ day 100: days 10, 10, 30 (invalid), 40, 80, 90 → 6 orders, 5 valid.
    expect(f.orders[0]).toBe(6);
    expect(f.validOrders[0]).toBe(5);
    expect([f.firstDay[0], f.lastDay[0]]).toEqual([10, 90]);
    // Distinct valid days 10, 40, 80, 90.
    expect(f.purchaseDays[0]).toBe(4);
    // 10000 + 5000 + 8000 + 3000 + 1000 = 27000; AOV 27000 / 5 = 5400.
    expect(f.netCents[0]).toBe(27000);
    expect(f.avgOrderCents[0]).toBe(5400);
    // Units of valid orders: A2 + B1 + A1 + B3 + D1 + E1 = 9 (C×5 is on the invalid order).
    expect(f.items[0]).toBe(9);
    expect([f.refundOrders[0], f.refundCents[0]]).toEqual([1, 2000]);
    // Intervals 30, 40, 10: mean (90 − 10) / 3 = 26.67, median of [10, 30, 40] = 30.
    expect(f.meanIntervalDays[0]).toBeCloseTo(80 / 3, 10);
    expect(f.medianIntervalDays[0]).toBe(30);
    // Units per SKU: B 4, A 3, D 1, E 1 → B, A, then D (tie with E goes to the lower id: D=3, E=4).
    const code = (k: number): string => lines.skuCodes[f.topSku[k]!]!;
    expect([code(0), code(1), code(2)]).toEqual(['B', 'A', 'D']);
    expect(Array.from(f.topSkuQuantity.subarray(0, 3))).toEqual([4, 3, 1]);
  });
  it('handles customers with no orders, only invalid orders, and one order', () => {
    expect([f.orders[1], f.validOrders[1], f.firstDay[1], f.topSku[3]]).toEqual([0, 0, NO_DAY, -1]);
    expect(f.avgOrderCents[1]).toBeNaN();
    // Customer 2: one fully refunded (invalid) order: counted as an order and a refund, not a purchase.
    expect([f.orders[2], f.validOrders[2], f.refundOrders[2], f.refundCents[2], f.netCents[2]]).toEqual([1, 0, 1, 4000, 0]);
    expect([f.firstDay[3], f.lastDay[3], f.purchaseDays[3], f.avgOrderCents[3]]).toEqual([95, 95, 1, 2000]);
    expect(f.meanIntervalDays[3]).toBeNaN();
    expect(f.medianIntervalDays[3]).toBeNaN();
    expect(Array.from(f.topSku.subarray(9, 12))).toEqual([0, -1, -1]);
    expect(f.validOrders[4]).toBe(0);
  });
  it('respects asOfDay (back-testing) and works without lines', () => {
    const early = computeCustomerFacts(orders, undefined, 40);
    // Day 10 ×2 and day 40 are valid by day 40: 3 valid, 23000, interval 30.
    expect([early.validOrders[0], early.netCents[0], early.medianIntervalDays[0], early.items[0]]).toEqual([3, 23000, 30, 0]);
    expect(early.validOrders[3]).toBe(0);
  });
  it('reports broken columns', () => {
    const bad = { ...orders, day: Int32Array.from([5, 1, 0, 0, 0, 0, 0, 0, 0]) };
    expect(checkColumns(bad).map((i) => i.code)).toContain('not_sorted');
  });
});
