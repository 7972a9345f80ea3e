import { describe, expect, it } from 'vitest';
import { formatDay, parseDay } from '../analytics/calendar.ts';
import { formatAmount, offerLabel, offerValueCents, percentOff, validateOffer, validityWindow, type Offer } from './offers.ts';
import { redeemedValueCents } from './redeemed-value.ts';
import { suggestFreeShippingCard, suggestThreshold } from './threshold-suggestion.ts';

const codes = (o: Offer) => validateOffer(o).map((i) => i.code);

describe('offers', () => {
  it('validates', () => {
    expect(codes({ kind: 'threshold', thresholdCents: 15000, amountCents: 2000, validDays: 30 })).toEqual([]);
    expect(codes({ kind: 'threshold', thresholdCents: 15000, amountCents: 15000, validDays: 30 })).toEqual(['amount_not_below_threshold']);
    expect(codes({ kind: 'threshold', thresholdCents: 150.5, amountCents: -1, validDays: 0 })).toEqual(['not_whole_cents', 'not_positive', 'bad_validity']);
    expect(codes({ kind: 'discount', zhe: 9, validDays: 7 })).toEqual([]);
    expect(codes({ kind: 'discount', zhe: 10, validDays: 7 })).toEqual(['discount_out_of_range']);
    expect(codes({ kind: 'discount', zhe: 0, validDays: 7 })).toEqual(['discount_out_of_range']);
    expect(codes({ kind: 'discount', zhe: 8.75, validDays: 7 })).toEqual(['discount_precision']);
    expect(codes({ kind: 'discount', zhe: 8.5, capCents: 0, validDays: 7 })).toEqual(['not_positive']);
    expect(codes({ kind: 'free_shipping', months: 3 })).toEqual([]);
    expect(codes({ kind: 'free_shipping', months: 0 })).toEqual(['bad_validity']);
    expect(codes({ kind: 'no_threshold', amountCents: 1000, validDays: 1.5 })).toEqual(['bad_validity']);
    expect(validateOffer({ kind: 'discount', zhe: 11, validDays: 7 })[0]?.messageZh).toContain('折');
  });
  it('labels in Chinese and English', () => {
    expect(offerLabel({ kind: 'threshold', thresholdCents: 15000, amountCents: 2000, validDays: 30 })).toEqual({ zh: '满150减20', en: '¥20 off orders of ¥150+' });
    expect(offerLabel({ kind: 'discount', zhe: 9, validDays: 7 })).toEqual({ zh: '9折', en: '10% off' });
    expect(offerLabel({ kind: 'discount', zhe: 8.5, capCents: 5000, validDays: 7 }, { currencySymbol: '$' })).toEqual({ zh: '8.5折（最高减50元）', en: '15% off (up to $50)' });
    expect(offerLabel({ kind: 'free_shipping', months: 3 })).toEqual({ zh: '包邮卡（3个月）', en: 'Free-shipping card (3 months)' });
    expect(offerLabel({ kind: 'free_shipping', months: 1 }).en).toBe('Free-shipping card (1 month)');
    expect(offerLabel({ kind: 'no_threshold', amountCents: 1000, validDays: 7 })).toEqual({ zh: '无门槛券 10元', en: '¥10 coupon, no minimum spend' });
    expect([formatAmount(14990), formatAmount(14999), formatAmount(15000), formatAmount(5)]).toEqual(['149.9', '149.99', '150', '0.05']);
    expect([percentOff(9), percentOff(8.5), percentOff(7.8)]).toEqual([10, 15, 22]);
  });
  it('computes validity windows from the send day', () => {
    const w = (o: Offer, d: string) => {
      const v = validityWindow(o, parseDay(d));
      return `${formatDay(v.fromDay)}..${formatDay(v.toDay)}`;
    };
    expect(w({ kind: 'no_threshold', amountCents: 1000, validDays: 7 }, '2026-12-28')).toBe('2026-12-28..2027-01-03');
    expect(w({ kind: 'free_shipping', months: 3 }, '2026-01-15')).toBe('2026-01-15..2026-04-14');
    expect(w({ kind: 'free_shipping', months: 1 }, '2026-01-31')).toBe('2026-01-31..2026-02-28');
    expect(w({ kind: 'free_shipping', months: 12 }, '2028-02-29')).toBe('2028-02-29..2029-02-28');
    expect(w({ kind: 'free_shipping', months: 1 }, '2026-12-10')).toBe('2026-12-10..2027-01-09');
  });
  it('values an offer on a basket', () => {
    const t: Offer = { kind: 'threshold', thresholdCents: 15000, amountCents: 2000, validDays: 30 };
    expect([offerValueCents(t, 14999), offerValueCents(t, 15000)]).toEqual([0, 2000]);
    expect(offerValueCents({ kind: 'discount', zhe: 9, capCents: 500, validDays: 7 }, 10000)).toBe(500);
    expect(offerValueCents({ kind: 'discount', zhe: 8.5, validDays: 7 }, 10000)).toBe(1500);
    expect(offerValueCents({ kind: 'no_threshold', amountCents: 1000, validDays: 7 }, 600)).toBe(600);
    expect(offerValueCents({ kind: 'free_shipping', months: 3 }, 10000, 800)).toBe(800);
  });
});

describe('suggestThreshold', () => {
  // Orders in yuan around 100 (median 100: the 6th and 7th of 12 sorted values are 98 and 102).
  const around100 = [60, 75, 80, 88, 95, 98, 102, 110, 120, 135, 160, 210].map((y) => y * 100);
  it('suggests 满150减20 for a median order of 100', () => {
    const s = suggestThreshold(around100);
    if (!s.ok) throw new Error('expected a suggestion');
    expect(s.offer).toEqual({ kind: 'threshold', thresholdCents: 15000, amountCents: 2000, validDays: 30 });
    expect(s.label.zh).toBe('满150减20');
    expect(s.reasoning.medianCents).toBe(10000);
    expect(s.reasoning.multiple).toBeCloseTo(1.5);
    expect(s.reasoning.stretchCents).toBe(5000);
    expect(s.reasoning.shareReaching).toBeCloseTo(2 / 12); // 160 and 210
    expect(s.reasoning.effectiveRate).toBeCloseTo(0.1333, 3);
    expect(s.reasoning.costPerRedemptionCents).toBe(2000);
    expect(s.explanation.zh).toContain('满150减20');
    expect(s.explanation.zh).toContain('16.7%');
  });
  it('picks the roundest X in range and a Y near 12.5 %', () => {
    const at = (yuan: number) => {
      const s = suggestThreshold(Array(10).fill(yuan * 100));
      return s.ok ? s.label.zh : s.reason;
    };
    // 70 → [91, 112]: 100. 60 → [78, 96]: 80 (Y in [8, 12] → 10). 200 → [260, 320]: 300, Y [30, 45] → 40.
    expect(at(70)).toBe('满100减10');
    expect(at(60)).toBe('满80减10');
    expect(at(200)).toBe('满300减40');
    // 120 → [156, 192]: 160 (Y [16, 24] → 20). 3000 → [3900, 4800]: 4000, Y [400, 600] → 500.
    expect(at(120)).toBe('满160减20');
    expect(at(3000)).toBe('满4000减500');
    // 10 → [13, 16]: 15, Y [1.5, 2.25] → 2 (1-yuan steps).
    expect(at(10)).toBe('满15减2');
  });
  it('uses the mean when asked, and needs enough orders', () => {
    const s = suggestThreshold(around100, { basis: 'mean' });
    expect(s.ok && s.reasoning.basis).toBe('mean');
    const few = suggestThreshold([10000, 0, -5, 12000]);
    expect(few).toMatchObject({ ok: false, reason: 'too_few_orders', orders: 2 });
  });
});

describe('suggestFreeShippingCard', () => {
  it('targets 1–2-time buyers and sizes the card on the repeat cycle', () => {
    const s = suggestFreeShippingCard([0, 1, 2, 3, 1, 5], { cycleDays: 45 });
    expect([...s.eligible]).toEqual([1, 2, 4]);
    expect(s.eligibleShare).toBeCloseTo(3 / 5);
    expect(s.offer).toEqual({ kind: 'free_shipping', months: 3 }); // ceil(90 / 30.4) = 3
    expect(s.label.zh).toBe('包邮卡（3个月）');
    expect(suggestFreeShippingCard([1], { cycleDays: 200 }).offer.months).toBe(6);
    expect(suggestFreeShippingCard([1], { cycleDays: 10 }).offer.months).toBe(1);
    expect(suggestFreeShippingCard([1]).offer.months).toBe(3);
  });
});

describe('redeemedValueCents', () => {
  it('values a redeemed coupon from the exported order', () => {
    const order = { paidCents: 13_000, discountCents: null, shippingCents: 800 };
    expect(redeemedValueCents({ kind: 'threshold', thresholdCents: 15_000, amountCents: 2000, validDays: 14 }, order)).toBe(2000);
    expect(redeemedValueCents({ kind: 'no_threshold', amountCents: 1000, validDays: 14 }, order)).toBe(1000);
    expect(redeemedValueCents({ kind: 'no_threshold', amountCents: 1000, validDays: 14 }, { ...order, paidCents: 0, discountCents: 600 })).toBe(600);
    expect(redeemedValueCents({ kind: 'discount', zhe: 8, validDays: 14 }, { ...order, paidCents: 8000 })).toBe(2000);
    expect(redeemedValueCents({ kind: 'discount', zhe: 8, validDays: 14 }, { ...order, paidCents: 8000, discountCents: 2500 })).toBe(2100);
    expect(redeemedValueCents({ kind: 'discount', zhe: 8, capCents: 1500, validDays: 14 }, { ...order, paidCents: 8000 })).toBe(1500);
    expect(redeemedValueCents({ kind: 'free_shipping', months: 3 }, order)).toBe(800);
  });
});
