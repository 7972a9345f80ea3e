import { describe, expect, it } from 'vitest';
import { buildColumns, type OrderRow } from './build-columns.ts';
import { cohortRetention } from './cohort-retention.ts';
import { computeCustomerFacts } from './facts.ts';
import { repeatIntervalHistogram } from './repeat-histogram.ts';
import { revenueConcentration } from './revenue-concentration.ts';

describe('revenueConcentration', () => {
  it('sums the top ceil(20 %) of buyers by net spend', () => {
    // Buyers spend 100, 200, …, 1000 (total 5500); customer 10 has no valid order.
    const rows: OrderRow[] = Array.from({ length: 10 }, (_, c) => ({ customer: c, day: 1, netCents: (c + 1) * 100 }));
    rows.push({ customer: 10, day: 1, netCents: 99999, valid: false });
    const r = revenueConcentration(computeCustomerFacts(buildColumns(rows).orders, undefined, 10));
    // Top 2 of 10: 1000 + 900 = 1900 → 1900 / 5500 = 0.3454…
    expect(r).toEqual({ buyers: 10, topCustomers: 2, topRevenueCents: 1900, totalRevenueCents: 5500, share: 1900 / 5500 });
    // 3 buyers × 0.2 = 0.6 → rounded up to 1 customer.
    const small = revenueConcentration(computeCustomerFacts(buildColumns(rows.slice(0, 3)).orders, undefined, 10));
    expect([small.topCustomers, small.topRevenueCents, small.share]).toEqual([1, 300, 0.5]);
  });
});

describe('repeatIntervalHistogram', () => {
  it('buckets intervals between distinct purchase days', () => {
    const { orders } = buildColumns([
      // c0 days 0, 3, 10, 40, 400 → gaps 3, 7, 30, 360 (day 500 is after asOfDay).
      ...[0, 3, 10, 40, 400, 500].map((day) => ({ customer: 0, day, netCents: 1 })),
      // c1 days 5, 5, 13 → one gap of 8 (same-day orders are one purchase day); day 6 is cancelled.
      { customer: 1, day: 5, netCents: 1 }, { customer: 1, day: 5, netCents: 1 }, { customer: 1, day: 6, netCents: 1, valid: false }, { customer: 1, day: 13, netCents: 1 },
    ]);
    const h = repeatIntervalHistogram(orders, 450);
    expect(h.map((b) => b.count)).toEqual([2, 1, 1, 0, 0, 0, 1, 0]);
    expect(h.map((b) => b.en)).toEqual(['1–7 days', '8–14 days', '15–30 days', '31–60 days', '61–90 days', '91–180 days', '181–365 days', '366+ days']);
    expect(h[7]!.zh).toBe('366 天以上');
    expect(repeatIntervalHistogram(orders, 450, [10]).map((b) => b.count)).toEqual([3, 2]);
  });
});

describe('cohortRetention', () => {
  it('counts customers active in each month since their first valid order', () => {
    const { orders } = buildColumns([
      { customer: 0, day: '2024-01-15', netCents: 1 }, { customer: 0, day: '2024-01-20', netCents: 1 }, { customer: 0, day: '2024-03-02', netCents: 1 },
      { customer: 1, day: '2024-01-31', netCents: 1 }, { customer: 1, day: '2024-02-01', netCents: 1 },
      { customer: 2, day: '2024-02-10', netCents: 1, valid: false }, { customer: 2, day: '2024-03-05', netCents: 1 }, { customer: 2, day: '2024-04-01', netCents: 1 },
      { customer: 3, day: '2024-02-29', netCents: 1 },
      { customer: 4, day: '2024-05-01', netCents: 1 }, // after asOfDay
    ]);
    const r = cohortRetention(orders, 19828); // 2024-04-15
    expect(r.months).toEqual(['2024-01', '2024-02', '2024-03', '2024-04']);
    expect(Array.from(r.cohortSize)).toEqual([2, 1, 1, 0]);
    // Jan cohort {c0, c1}: month +1 c1, +2 c0, +3 nobody. Feb {c3}. Mar {c2}: +1 (April) c2.
    // Cells past April 2024 are -1.
    expect(Array.from(r.counts)).toEqual([
      2, 1, 1, 0,
      1, 0, 0, -1,
      1, 1, -1, -1,
      0, -1, -1, -1,
    ]);
  });
});
