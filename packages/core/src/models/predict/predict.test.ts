import { describe, expect, it } from 'vitest';
import { bgnbdConditionalExpected, bgnbdProbabilityAlive } from '../bgnbd/expectations.ts';
import { gammaGammaExpectedSpend } from '../gamma-gamma/fit.ts';
import { customerLifetimeValue } from './clv.ts';
import { predictCustomers } from './customer-predictions.ts';
import type { PurchaseModel } from './models-adapter.ts';

const BG: PurchaseModel = { kind: 'bgnbd', params: { r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 } };
const PN: PurchaseModel = { kind: 'pareto-nbd', params: { r: 0.5533, alpha: 10.578, s: 0.6062, beta: 11.669 } };
const GG = { p: 6.2496, q: 3.7442, gamma: 15.4435 };
const input = {
  x: Float64Array.from([0, 2, 26, 1, 500]),
  tx: Float64Array.from([0, 30.43, 30.857, 1.71, 38]),
  T: Float64Array.from([38.86, 38.86, 31, 38.86, 39]),
  meanSpend: Float64Array.from([0, 22.35, 40, 11.77, 25]),
};

describe('predictCustomers', () => {
  it('produces finite columnar outputs for both purchase models', () => {
    for (const model of [BG, PN]) {
      const r = predictCustomers(model, input, { unit: 'week', spend: GG, clv: { months: 12, monthlyDiscountRate: 0.01, grossMargin: 0.3 } });
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      const v = r.value;
      expect(v.expectedPurchases.map((c) => c.days)).toEqual([30, 90, 365]);
      for (let i = 0; i < 5; i++) {
        expect(v.pAlive[i]! >= 0 && v.pAlive[i]! <= 1).toBe(true);
        expect(v.expectedPurchases[0]!.values[i]!).toBeLessThanOrEqual(v.expectedPurchases[1]!.values[i]!);
        expect(Number.isFinite(v.clv![i]!) && v.clv![i]! >= 0).toBe(true);
        expect(Number.isFinite(v.nextOrderInDays[i]!)).toBe(true);
      }
      // Heavy buyers order sooner than one-time buyers, if alive.
      expect(v.nextOrderInDays[2]!).toBeLessThan(v.nextOrderInDays[0]!);
    }
  });
  it('uses the model formulas: P(alive), E[Y(t days / 7)], Gamma-Gamma E[M]', () => {
    const r = predictCustomers(BG, input, { unit: 'week', spend: GG });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.pAlive[1]).toBeCloseTo(bgnbdProbabilityAlive(BG.params as never, 2, 30.43, 38.86), 14);
    expect(r.value.expectedPurchases[1]!.values[1]).toBeCloseTo(bgnbdConditionalExpected(BG.kind === 'bgnbd' ? BG.params : (undefined as never), 90 / 7, 2, 30.43, 38.86), 14);
    expect(r.value.expectedOrderValue![1]).toBeCloseTo(gammaGammaExpectedSpend(GG, 2, 22.35), 12);
    expect(r.value.expectedOrderValue![0]).toBeCloseTo((GG.p * GG.gamma) / (GG.q - 1), 12);
    // Median wait if alive: (α+T)(2^(1/(r+x)) − 1) weeks, reported in days.
    expect(r.value.nextOrderInDays[1]).toBeCloseTo(7 * (4.4136 + 38.86) * (Math.pow(2, 1 / 2.2426) - 1), 10);
  });
  it('CLV with zero discount equals M̃ · E[Y(horizon)] and discounting lowers it', () => {
    const eov = gammaGammaExpectedSpend(GG, 2, 22.35);
    const noDiscount = customerLifetimeValue(BG, 4.345, eov, 2, 30.43, 38.86, { months: 12, monthlyDiscountRate: 0 });
    const ey = BG.kind === 'bgnbd' ? bgnbdConditionalExpected(BG.params, 12 * 4.345, 2, 30.43, 38.86) : 0;
    expect(noDiscount).toBeCloseTo(eov * ey, 10);
    const discounted = customerLifetimeValue(BG, 4.345, eov, 2, 30.43, 38.86, { months: 12, monthlyDiscountRate: 0.05, grossMargin: 0.5 });
    expect(discounted).toBeLessThan(0.5 * noDiscount);
    // lifetimes: one month at discount rate 1 halves the value.
    const one = customerLifetimeValue(BG, 4.345, eov, 2, 30.43, 38.86, { months: 1, monthlyDiscountRate: 0 });
    expect(customerLifetimeValue(BG, 4.345, eov, 2, 30.43, 38.86, { months: 1, monthlyDiscountRate: 1 })).toBeCloseTo(one / 2, 12);
  });
  it('assigns configurable churn bands and validates them', () => {
    const r = predictCustomers(BG, input, { unit: 'week', churnThresholds: { low: 0.99, medium: 0.5, high: 0.2 } });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.churnBand[0]).toBe(0); // x = 0: P(alive) = 1 under BG/NBD
    expect(r.value.clv).toBeNull();
    const bad = predictCustomers(BG, input, { unit: 'week', churnThresholds: { low: 0.2, medium: 0.5, high: 0.1 } });
    expect(bad.ok).toBe(false);
    const badQ = predictCustomers(BG, input, { unit: 'week', spend: { p: 1, q: 1, gamma: 1 } });
    expect(!badQ.ok && badQ.error.code).toBe('GG_Q_NOT_ABOVE_ONE');
  });
});
