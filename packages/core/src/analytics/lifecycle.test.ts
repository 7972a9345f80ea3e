import { describe, expect, it } from 'vitest';
import { buildColumns, type OrderRow } from './build-columns.ts';
import { estimateCustomerCycles } from './customer-cycles.ts';
import { computeCustomerTypes, CUSTOMER_TYPES } from './customer-type.ts';
import { computeCustomerFacts } from './facts.ts';
import { adaptiveLifecycleThresholds, computeLifecycle, DEFAULT_LIFECYCLE_THRESHOLDS, LIFECYCLE_STAGES, lifecycleStageOf, NO_STAGE } from './lifecycle.ts';
import { NO_PROMO_CALENDAR } from './promo-calendar.ts';

const stageCode = (s: number): string => (s === NO_STAGE ? '-' : LIFECYCLE_STAGES[s]!.code);

describe('lifecycle stages', () => {
  it('uses inclusive default bounds 90 / 180 / 270 / 360', () => {
    const days = [0, 90, 91, 180, 181, 270, 271, 360, 361];
    expect(days.map((d) => stageCode(lifecycleStageOf(d)))).toEqual(['active', 'active', 'silent', 'silent', 'sleeping', 'sleeping', 'about_to_lose', 'about_to_lose', 'lost']);
    expect(LIFECYCLE_STAGES.map((s) => s.zh)).toEqual(['活跃', '沉默', '睡眠', '即将流失', '流失']);
  });
  it('stages customers from facts', () => {
    // asOfDay 400: last orders 400 − 310 = 90 d, 400 − 39 = 361 d; customer 2 has no valid order.
    const { orders } = buildColumns([
      { customer: 0, day: 310, netCents: 100 },
      { customer: 1, day: 39, netCents: 100 },
      { customer: 2, day: 300, netCents: 100, valid: false },
    ]);
    expect(Array.from(computeLifecycle(computeCustomerFacts(orders, undefined, 400)), stageCode)).toEqual(['active', 'lost', '-']);
  });
  it('scales to the shop cycle C: C, 1.5C, 2C, 3C', () => {
    expect(adaptiveLifecycleThresholds(20)).toEqual({ activeMaxDays: 20, silentMaxDays: 30, sleepingMaxDays: 40, aboutToLoseMaxDays: 60 });
    // C = 3 is clamped to 7: 7, round(10.5) = 11, 14, 21.
    expect(adaptiveLifecycleThresholds(3)).toEqual({ activeMaxDays: 7, silentMaxDays: 11, sleepingMaxDays: 14, aboutToLoseMaxDays: 21 });
    expect(adaptiveLifecycleThresholds(500)).toEqual({ activeMaxDays: 365, silentMaxDays: 548, sleepingMaxDays: 730, aboutToLoseMaxDays: 1095 });
    expect(adaptiveLifecycleThresholds(Number.NaN)).toBe(DEFAULT_LIFECYCLE_THRESHOLDS);
  });
  it('derives C from the shop and stages against it', () => {
    // Customer medians: c0 intervals [10] → 10; c1 [20, 20] → 20; c2 [30] → 30; c3 one order.
    // Shop C = median of [10, 20, 30] = 20 → active ≤ 20, silent ≤ 30, sleeping ≤ 40, about ≤ 60.
    const rows: OrderRow[] = [
      { customer: 0, day: 0, netCents: 1 }, { customer: 0, day: 10, netCents: 1 },
      { customer: 1, day: 0, netCents: 1 }, { customer: 1, day: 20, netCents: 1 }, { customer: 1, day: 40, netCents: 1 },
      { customer: 2, day: 0, netCents: 1 }, { customer: 2, day: 30, netCents: 1 },
      { customer: 3, day: 45, netCents: 1 },
    ];
    const { orders } = buildColumns(rows);
    const cycles = estimateCustomerCycles(orders, 100, NO_PROMO_CALENDAR);
    expect(cycles.shop).toEqual({ medianDays: 20, p25Days: 15, p75Days: 25, samples: 3 });
    const t = adaptiveLifecycleThresholds(cycles.shop.medianDays);
    // asOfDay 100 → days since last: c0 90, c1 60, c2 70, c3 55; at day 70: 60, 30, 40, 25.
    expect(Array.from(computeLifecycle(computeCustomerFacts(orders, undefined, 100), t), stageCode)).toEqual(['lost', 'about_to_lose', 'lost', 'about_to_lose']);
    expect(Array.from(computeLifecycle(computeCustomerFacts(orders, undefined, 70), t), stageCode)).toEqual(['about_to_lose', 'silent', 'sleeping', 'silent']);
  });
});

describe('customer types', () => {
  it('applies potential > new > loyal > repeat > one_time', () => {
    const five = (c: number, from: number): OrderRow[] => [0, 1, 2, 3, 4].map((k) => ({ customer: c, day: from + k, netCents: 100 }));
    const { orders } = buildColumns(
      [
        { customer: 0, day: 50, netCents: 100, valid: false }, // potential
        { customer: 1, day: 71, netCents: 100 }, // 100 − 71 = 29 < 30 → new
        { customer: 2, day: 70, netCents: 100 }, // 30 days ago → not new → one_time
        ...five(3, 91), // 5 orders, first day 91 → new wins over loyal
        ...five(4, 20), // 5 orders, last day 24 (76 d, active) → loyal
        ...five(5, 1), // 5 orders, last day 5 (95 d, silent) → repeat
        { customer: 6, day: 10, netCents: 100 }, { customer: 6, day: 60, netCents: 100 }, // repeat
      ],
      8, // customer 7 has no orders at all → potential
    );
    const facts = computeCustomerFacts(orders, undefined, 100);
    const types = computeCustomerTypes(facts, computeLifecycle(facts));
    expect(Array.from(types, (t) => CUSTOMER_TYPES[t]!.code)).toEqual(['potential', 'new', 'one_time', 'new', 'loyal', 'repeat', 'repeat', 'potential']);
    const relaxed = computeCustomerTypes(facts, computeLifecycle(facts), { loyalStages: [0, 1], loyalMinOrders: 2 });
    expect(Array.from(relaxed, (t) => CUSTOMER_TYPES[t]!.code)).toEqual(['potential', 'new', 'one_time', 'new', 'loyal', 'loyal', 'loyal', 'potential']);
  });
});
