import { describe, expect, it } from 'vitest';
import { buildColumns } from './build-columns.ts';
import { NO_DAY } from './columns.ts';
import { describeCustomer } from './customer-view.ts';
import { computeCustomerFacts } from './facts.ts';
import { DEFAULT_TIER_CONFIG, tierFor, type TierConfig } from './tier-config.ts';
import { parseTierConfig } from './tier-config-parse.ts';
import { computeTierHistory, type TierHistory } from './tier-history.ts';

const tiers: TierConfig['tiers'] = [
  { code: 't0', zh: '普通会员', en: 'Member', minSpendCents: null, minValidOrders: 1, discountZhe: 9.8 },
  { code: 't1', zh: '高级会员', en: 'Advanced', minSpendCents: 10000, minValidOrders: 3, discountZhe: 9.5 },
  { code: 't2', zh: 'VIP会员', en: 'VIP', minSpendCents: 30000, minValidOrders: null, discountZhe: 9 },
];
const rolling: TierConfig = { tiers, window: { kind: 'rolling', days: 30 } };
const lifetime: TierConfig = { tiers, window: { kind: 'lifetime' } };

// Customer 0: 5000 on day 0, 6000 on day 10, 25000 on day 20 (+ a cancelled order, + one after asOfDay).
// Customer 1: two orders on day 5 (3000 + 8000), nothing else. Customer 2: no valid order.
const { orders } = buildColumns([
  { customer: 0, day: 0, netCents: 5000 },
  { customer: 0, day: 10, netCents: 6000 },
  { customer: 0, day: 15, netCents: 90000, valid: false },
  { customer: 0, day: 20, netCents: 25000 },
  { customer: 0, day: 200, netCents: 90000 },
  { customer: 1, day: 5, netCents: 3000 },
  { customer: 1, day: 5, netCents: 8000 },
  { customer: 2, day: 7, netCents: 100, valid: false },
]);

function events(h: TierHistory, c: number): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (let k = h.eventStart[c]!; k < h.eventStart[c + 1]!; k++) out.push([h.eventDay[k]!, h.eventFrom[k]!, h.eventTo[k]!]);
  return out;
}

describe('computeTierHistory', () => {
  it('upgrades, then downgrades as orders leave a 30-day rolling window', () => {
    const h = computeTierHistory(orders, rolling, 100);
    // day 0:  5000, 1 order   → t0            day 10: 11000, 2 orders → t1 (spend ≥ 10000)
    // day 20: 36000, 3 orders → t2            day 30: day-0 order expires: 31000 → still t2
    // day 40: day-10 order expires: 25000, 1 order → t1 (spend)
    // day 50: day-20 order expires: 0, 0 orders → below t0 (-1)
    expect(events(h, 0)).toEqual([[0, -1, 0], [10, 0, 1], [20, 1, 2], [40, 2, 1], [50, 1, -1]]);
    expect([h.current[0], h.currentSince[0]]).toEqual([-1, NO_DAY]);
    // Customer 1: both day-5 orders apply together (11000) → one event -1 → t1; expire on day 35.
    expect(events(h, 1)).toEqual([[5, -1, 1], [35, 1, -1]]);
    expect(events(h, 2)).toEqual([]);
  });
  it('stops at asOfDay', () => {
    const h = computeTierHistory(orders, rolling, 45);
    expect(events(h, 0)).toEqual([[0, -1, 0], [10, 0, 1], [20, 1, 2], [40, 2, 1]]);
    expect([h.current[0], h.currentSince[0]]).toEqual([1, 40]);
    expect([h.current[1], h.currentSince[1]]).toEqual([-1, NO_DAY]);
    // Day 39 is the last day the day-10 order counts (10 … 39).
    expect(computeTierHistory(orders, rolling, 39).current[0]).toBe(2);
  });
  it('never drops over a lifetime window', () => {
    const h = computeTierHistory(orders, lifetime, 100);
    expect(events(h, 0)).toEqual([[0, -1, 0], [10, 0, 1], [20, 1, 2]]);
    expect([h.current[0], h.currentSince[0], h.current[1], h.current[2]]).toEqual([2, 20, 1, -1]);
    expect(Array.from(h.eventStart)).toEqual([0, 3, 4, 4]);
  });
  it('picks the highest tier reached by spend OR orders', () => {
    expect(tierFor(tiers, 0, 0)).toBe(-1);
    expect(tierFor(tiers, 100, 3)).toBe(1);
    expect(tierFor(tiers, 30000, 1)).toBe(2);
    expect(tierFor(DEFAULT_TIER_CONFIG.tiers, 100_000, 1)).toBe(1);
  });
});

describe('parseTierConfig', () => {
  it('accepts the default config and a rolling window', () => {
    expect(parseTierConfig(DEFAULT_TIER_CONFIG)).toEqual({ success: true, data: DEFAULT_TIER_CONFIG });
    expect(parseTierConfig(JSON.parse(JSON.stringify(rolling)))).toEqual({ success: true, data: rolling });
    expect(parseTierConfig({ tiers })).toEqual({ success: true, data: lifetime });
  });
  it('reports every issue with its path', () => {
    const result = parseTierConfig({
      tiers: [
        { code: 'a', zh: '甲', en: 'A', minSpendCents: 500, minValidOrders: null, discountZhe: 9.5 },
        { code: 'a', zh: '', en: 'B', minSpendCents: 100, minValidOrders: 2.5, discountZhe: 11 },
        { code: 'c', zh: '丙', en: 'C', minSpendCents: null, minValidOrders: null, discountZhe: 9, minSpend: 1 },
      ],
      window: { kind: 'rolling', days: 0 },
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['invalid_type', 'tiers.1.zh'],
      ['out_of_range', 'tiers.1.minValidOrders'],
      ['out_of_range', 'tiers.1.discountZhe'],
      ['unknown_key', 'tiers.2.minSpend'],
      ['out_of_range', 'window.days'],
    ]);
    expect(result.issues.every((i) => i.message.length > 0 && i.messageZh.length > 0)).toBe(true);
  });
  it('checks ascending thresholds, discounts and duplicate codes once fields are valid', () => {
    const result = parseTierConfig({
      tiers: [
        { code: 'a', zh: '甲', en: 'A', minSpendCents: 500, minValidOrders: 3, discountZhe: 9.5 },
        { code: 'a', zh: '乙', en: 'B', minSpendCents: 100, minValidOrders: 2, discountZhe: 9.8 },
        { code: 'c', zh: '丙', en: 'C', minSpendCents: null, minValidOrders: null, discountZhe: 9 },
      ],
    });
    if (result.success) throw new Error('expected failure');
    expect(result.issues.map((i) => [i.code, i.path.join('.')])).toEqual([['no_criterion', 'tiers.2']]);
    // Without the third tier the cross-tier checks run.
    const fixed = parseTierConfig({
      tiers: [
        { code: 'a', zh: '甲', en: 'A', minSpendCents: 500, minValidOrders: 3, discountZhe: 9.5 },
        { code: 'a', zh: '乙', en: 'B', minSpendCents: 100, minValidOrders: 2, discountZhe: 9.8 },
      ],
    });
    if (fixed.success) throw new Error('expected failure');
    expect(fixed.issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['duplicate_code', 'tiers.1.code'],
      ['not_ascending', 'tiers.1.minSpendCents'],
      ['not_ascending', 'tiers.1.minValidOrders'],
      ['not_ascending', 'tiers.1.discountZhe'],
    ]);
    expect(parseTierConfig('x')).toMatchObject({ success: false, issues: [{ code: 'invalid_type', path: [] }] });
    expect(parseTierConfig({ tiers: [], window: { kind: 'weekly' } })).toMatchObject({ success: false, issues: [{ code: 'out_of_range', path: ['tiers'] }, { code: 'invalid_type', path: ['window', 'kind'] }] });
  });
});

describe('describeCustomer', () => {
  it('labels a customer in zh and en', () => {
    const facts = computeCustomerFacts(orders, undefined, 45);
    const v = describeCustomer(0, { facts, tiers: { config: rolling, history: computeTierHistory(orders, rolling, 45) } });
    expect(v.tier?.current).toEqual({ code: 't1', zh: '高级会员', en: 'Advanced' });
    expect(v.tier?.since).toBe('1970-02-10');
    expect(v.tier?.history.map((e) => `${e.date} ${e.from.code}→${e.to.zh}`)).toEqual(['1970-01-01 none→普通会员', '1970-01-11 t0→高级会员', '1970-01-21 t1→VIP会员', '1970-02-10 t2→高级会员']);
    expect([v.validOrders, v.netCents, v.medianIntervalDays, v.topSkus]).toEqual([3, 36000, 10, []]);
    expect(describeCustomer(2, { facts }).firstOrderDate).toBeNull();
  });
});
