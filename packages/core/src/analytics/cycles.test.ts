import { describe, expect, it } from 'vitest';
import { buildColumns, type OrderRow } from './build-columns.ts';
import { parseDay } from './calendar.ts';
import { estimateCustomerCycles } from './customer-cycles.ts';
import { computeReplenishment, DUE_STATES, dueStateOf } from './replenishment.ts';
import { estimateSkuCycles } from './sku-cycles.ts';

const row = (customer: number, day: string, lines: [string, number][], valid = true): OrderRow => ({ customer, day, netCents: 1000, valid, lines });

// SKU X (洗衣液 refill). Default promo days: 11-08…11-14, 12-11…12-13, 06-15…06-21.
// c0: 09-01 ×1, 09-21 ×3, 11-20 ×1
//     → (09-21 − 09-01) / 1 = 20 / 1 = 20;  (11-20 − 09-21) / 3 = 60 / 3 = 20
// c1: 10-01 ×2, 11-11 ×1 (promo), 12-01 ×1, 12-26 ×1
//     → 10-01→11-11 ends on a promo day, 11-11→12-01 starts on one: both left out;
//       (12-26 − 12-01) / 1 = 25
// c2: 08-01 ×1, 08-11 ×1 + 08-11 ×1 (two orders, merged to 2 units), 09-10 ×1
//     → 10 / 1 = 10;  (09-10 − 08-11) / 2 = 30 / 2 = 15
// c3: Y only (one sample), and a cancelled X order that must not count.
const { orders, lines } = buildColumns([
  row(0, '2024-09-01', [['X', 1]]),
  row(0, '2024-09-21', [['X', 3]]),
  row(0, '2024-11-20', [['X', 1]]),
  row(1, '2024-10-01', [['X', 2]]),
  row(1, '2024-11-11', [['X', 1]]),
  row(1, '2024-12-01', [['X', 1]]),
  row(1, '2024-12-26', [['X', 1]]),
  row(2, '2024-08-01', [['X', 1]]),
  row(2, '2024-08-11', [['X', 1]]),
  row(2, '2024-08-11', [['X', 1], ['Y', 1]]),
  row(2, '2024-09-10', [['X', 1]]),
  row(3, '2024-09-01', [['Y', 1]]),
  row(3, '2024-09-05', [['X', 9]], false),
  row(3, '2024-10-01', [['Y', 2]]),
]);
const X = lines.skuCodes.indexOf('X');
const Y = lines.skuCodes.indexOf('Y');
const asOf = parseDay('2024-12-31');

describe('estimateSkuCycles', () => {
  const cycles = estimateSkuCycles(orders, lines, asOf);
  it('normalises by the units of the earlier purchase and skips promo intervals', () => {
    // Samples [10, 15, 20, 20, 25]: median 20; type-7 p25 at position 1 = 15, p75 at position 3 = 20.
    expect(cycles.samples[X]).toBe(5);
    expect(cycles.customers[X]).toBe(3);
    expect([cycles.medianDaysPerUnit[X], cycles.p25DaysPerUnit[X], cycles.p75DaysPerUnit[X]]).toEqual([20, 15, 20]);
    // Y: c3 09-01 ×1 → 10-01 = 30 days (c2's single Y purchase gives no interval).
    expect([cycles.samples[Y], cycles.customers[Y], cycles.medianDaysPerUnit[Y]]).toEqual([1, 1, 30]);
  });
  it('uses every interval without a promo calendar', () => {
    const all = estimateSkuCycles(orders, lines, asOf, { windows: [] });
    // Adds 41 / 2 = 20.5 and 20 / 1 = 20: [10, 15, 20, 20, 20, 20.5, 25] → median 20.
    expect([all.samples[X], all.medianDaysPerUnit[X]]).toEqual([7, 20]);
  });
  it('only sees orders up to asOfDay', () => {
    const early = estimateSkuCycles(orders, lines, parseDay('2024-09-20'));
    // c2's two intervals only: [10, 15] → 12.5.
    expect([early.samples[X], early.medianDaysPerUnit[X]]).toEqual([2, 12.5]);
  });
});

describe('estimateCustomerCycles', () => {
  it('uses the median non-promo interval per customer and one vote per customer for the shop', () => {
    const c = estimateCustomerCycles(orders, asOf);
    // c0: 20, 60 → 40.  c1: only 12-01→12-26 = 25.  c2: 08-01→08-11 10, →09-10 30 → 20.  c3: 30 (cancelled order ignored).
    expect(Array.from(c.medianDays)).toEqual([40, 25, 20, 30]);
    expect(Array.from(c.intervals)).toEqual([2, 1, 2, 1]);
    // Shop over [20, 25, 30, 40]: median 27.5, p25 at 0.75 → 23.75, p75 at 2.25 → 32.5.
    expect(c.shop).toEqual({ medianDays: 27.5, p25Days: 23.75, p75Days: 32.5, samples: 4 });
  });
});

describe('replenishment', () => {
  it('puts due-state boundaries at +7 / +1 / 0 / −14 / −15 days', () => {
    const ahead = [8, 7, 1, 0, -14, -15];
    expect(ahead.map((a) => DUE_STATES[dueStateOf(100 + a, 100)]!.code)).toEqual(['not_due', 'due_soon', 'due_soon', 'due', 'due', 'overdue']);
    expect(DUE_STATES.map((s) => s.zh)).toEqual(['未到期', '即将到期', '到期', '已逾期']);
  });
  it('lists each customer × SKU with a usable cycle, due = last day + cycle × units', () => {
    const cycles = estimateSkuCycles(orders, lines, asOf);
    const list = computeReplenishment(orders, lines, cycles, parseDay('2024-12-20'), { minSamples: 5, minCustomers: 3 });
    // Y has 1 sample → not usable. X cycle 20 days per unit:
    // c0 last 11-20 ×1 → due 12-10: 10 days past → due.
    // c1 last 12-01 ×1 (12-26 is after asOfDay) → due 12-21: 1 day ahead → due_soon.
    // c2 last 09-10 ×1 → due 09-30: 81 days past → overdue.
    expect(Array.from(list.customer)).toEqual([0, 1, 2]);
    expect(Array.from(list.sku)).toEqual([X, X, X]);
    expect(Array.from(list.dueDay)).toEqual(['2024-12-10', '2024-12-21', '2024-09-30'].map(parseDay));
    expect(Array.from(list.state, (s) => DUE_STATES[s]!.code)).toEqual(['due', 'due_soon', 'overdue']);
    // Same-day purchases merge: as of 08-20, c2's last X purchase is 08-11 with 2 units → due 08-11 + 40 = 09-20.
    const mid = computeReplenishment(orders, lines, cycles, parseDay('2024-08-20'), { minSamples: 1, minCustomers: 1 });
    expect([mid.customer[0], mid.lastQuantity[0], mid.dueDay[0]]).toEqual([2, 2, parseDay('2024-09-20')]);
    expect(Array.from(mid.sku)).toEqual([X, Y]);
    // Y: 08-11 ×1 + 30 → 09-10.
    expect(mid.dueDay[1]).toBe(parseDay('2024-09-10'));
  });
});
