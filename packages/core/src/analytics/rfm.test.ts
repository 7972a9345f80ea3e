import { describe, expect, it } from 'vitest';
import { buildColumns, type OrderRow } from './build-columns.ts';
import { computeCustomerFacts } from './facts.ts';
import { computeRfm } from './rfm.ts';
import { NO_SEGMENT, RFM_SEGMENTS } from './rfm-segments.ts';

// asOfDay 100. Five buyers and one customer without a valid order.
//        last day  R days  F  M (cents)
// c0     90        10      1   1000
// c1     90        10      3   5000   (1000 + 1000 + 3000)
// c2     50        50      1   1000   (same F and M as c0)
// c3     20        80      2  20000
// c4     99         1      1   3000
// c5     —         —       0      0   (cancelled order only)
const rows: OrderRow[] = [
  { customer: 0, day: 90, netCents: 1000 },
  { customer: 1, day: 30, netCents: 1000 },
  { customer: 1, day: 60, netCents: 1000 },
  { customer: 1, day: 90, netCents: 3000 },
  { customer: 2, day: 50, netCents: 1000 },
  { customer: 3, day: 10, netCents: 10000 },
  { customer: 3, day: 20, netCents: 10000 },
  { customer: 4, day: 99, netCents: 3000 },
  { customer: 5, day: 70, netCents: 500, valid: false },
];
const facts = computeCustomerFacts(buildColumns(rows).orders, undefined, 100);
const codes = (seg: Uint8Array): string[] => Array.from(seg, (s) => (s === NO_SEGMENT ? '-' : RFM_SEGMENTS[s]!.code));

describe('computeRfm scores', () => {
  const rfm = computeRfm(facts);
  it('scores 1 + floor(5 × worse / buyers) with ties sharing the score', () => {
    expect(rfm.buyers).toBe(5);
    expect(Array.from(rfm.recencyDays)).toEqual([10, 10, 50, 80, 1, -1]);
    // R: worse = buyers with strictly more days. c0,c1 (10 d): 50 and 80 are worse → 2 → 3;
    // c2 (50 d): 1 → 2; c3 (80 d): 0 → 1; c4 (1 d): 4 → 5.
    expect(Array.from(rfm.r)).toEqual([3, 3, 2, 1, 5, 0]);
    // F values [1, 3, 1, 2, 1]: the three 1s have nobody below → 1; 2 has 3 below → 4; 3 has 4 → 5.
    expect(Array.from(rfm.f)).toEqual([1, 5, 1, 4, 1, 0]);
    // M [1000, 5000, 1000, 20000, 3000]: below = 0, 3, 0, 4, 2 → 1, 4, 1, 5, 3.
    expect(Array.from(rfm.m)).toEqual([1, 4, 1, 5, 3, 0]);
  });
  it('gives equal scores to identical customers even when most are tied (no NTILE split)', () => {
    // Ten buyers, all bought on day 100; F = 1 ×7, 2 ×2, 5 ×1 and M = 100 × F.
    const many: OrderRow[] = [];
    [1, 1, 1, 1, 1, 1, 1, 2, 2, 5].forEach((n, c) => {
      for (let k = 0; k < n; k++) many.push({ customer: c, day: 100, netCents: 100 });
    });
    const r = computeRfm(computeCustomerFacts(buildColumns(many).orders, undefined, 100));
    // F: 1s → 1; 2s have 7 below → 1 + floor(35 / 10) = 4; 5 has 9 below → 1 + floor(4.5) = 5.
    expect(Array.from(r.f)).toEqual([1, 1, 1, 1, 1, 1, 1, 4, 4, 5]);
    expect(Array.from(r.m)).toEqual(Array.from(r.f));
    // Everyone bought on the same day: nobody is worse → all R = 1.
    expect(Array.from(r.r)).toEqual(new Array<number>(10).fill(1));
  });
  it('gives exact quintiles when all values differ', () => {
    const distinct: OrderRow[] = Array.from({ length: 10 }, (_, c) => ({ customer: c, day: 100, netCents: (c + 1) * 100 }));
    const r = computeRfm(computeCustomerFacts(buildColumns(distinct).orders, undefined, 100));
    expect(Array.from(r.m)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });
});

describe('computeRfm segments', () => {
  it('compares raw values with the shop mean (default)', () => {
    const rfm = computeRfm(facts);
    // Means: R 151 / 5 = 30.2 days, F 8 / 5 = 1.6, M 30000 / 5 = 6000.
    expect(rfm.reference).toEqual({ recency: 30.2, frequency: 1.6, monetary: 6000 });
    // c0 recent, F 1, M low → general_develop; c1 recent, F 3, M 5000 < 6000 → general_value;
    // c2 50 d, F 1, low → general_win_back; c3 80 d, F 2, 20000 → important_retain; c4 → general_develop.
    expect(codes(rfm.segment)).toEqual(['general_develop', 'general_value', 'general_win_back', 'important_retain', 'general_develop', '-']);
  });
  it('compares raw values with the shop median, strictly', () => {
    const rfm = computeRfm(facts, { reference: 'median' });
    // Medians: R of [1, 10, 10, 50, 80] = 10, F of [1, 1, 1, 2, 3] = 1, M of [1000, 1000, 3000, 5000, 20000] = 3000.
    expect(rfm.reference).toEqual({ recency: 10, frequency: 1, monetary: 3000 });
    // 10 days is not < 10 → c0, c1 not recent; c4 (1 d) recent, M 3000 is not > 3000.
    expect(codes(rfm.segment)).toEqual(['general_win_back', 'important_retain', 'general_win_back', 'important_retain', 'general_develop', '-']);
  });
  it('compares scores with the mean score', () => {
    const rfm = computeRfm(facts, { basis: 'score' });
    // Mean scores: R (3+3+2+1+5)/5 = 2.8, F (1+5+1+4+1)/5 = 2.4, M (1+4+1+5+3)/5 = 2.8.
    expect(rfm.reference.recency).toBeCloseTo(2.8, 12);
    expect(rfm.reference.frequency).toBeCloseTo(2.4, 12);
    expect(rfm.reference.monetary).toBeCloseTo(2.8, 12);
    // c1: R3 F5 M4 → important_value; c4: R5 F1 M3 > 2.8 → important_develop.
    expect(codes(rfm.segment)).toEqual(['general_develop', 'important_value', 'general_win_back', 'important_retain', 'important_develop', '-']);
  });
  it('compares scores with the median score', () => {
    const rfm = computeRfm(facts, { basis: 'score', reference: 'median' });
    // Median of R [1,2,3,3,5] = 3, F [1,1,1,4,5] = 1, M [1,1,3,4,5] = 3.
    expect(rfm.reference).toEqual({ recency: 3, frequency: 1, monetary: 3 });
    // Only c4 (R 5) is recent; c1 F5 M4 and c3 F4 M5 are frequent and high.
    expect(codes(rfm.segment)).toEqual(['general_win_back', 'important_retain', 'general_win_back', 'important_retain', 'general_develop', '-']);
  });
  it('labels every segment in Chinese and English', () => {
    expect(RFM_SEGMENTS.map((s) => s.zh)).toEqual(['重要价值客户', '重要发展客户', '重要保持客户', '重要挽留客户', '一般价值客户', '一般发展客户', '一般保持客户', '一般挽留客户']);
    expect(RFM_SEGMENTS.every((s) => s.en.length > 0)).toBe(true);
  });
});
