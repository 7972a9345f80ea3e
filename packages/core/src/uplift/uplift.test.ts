import { describe, expect, it } from 'vitest';
import { compareArms, newcombeDifference, relativeUplift, studentTQuantile, welchDifference, wilsonInterval } from './index.ts';

const moments = (xs: readonly number[]) => ({ n: xs.length, sum: xs.reduce((a, x) => a + x, 0), sumSquares: xs.reduce((a, x) => a + x * x, 0) });

describe('Newcombe method 10 (difference of independent proportions)', () => {
  // Newcombe (1998), Statistics in Medicine 17:873–890, Table II, method 10.
  it.each([
    [56, 70, 48, 80, 0.2, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.6, 0.1705, 0.809],
    [6, 7, 2, 7, 0.5714, 0.0582, 0.8062],
    [5, 56, 0, 29, 0.0893, -0.0381, 0.1926],
    [0, 10, 0, 20, 0, -0.1611, 0.2775],
  ])('%i/%i − %i/%i = %f (%f, %f)', (x1, n1, x2, n2, d, lo, hi) => {
    const r = newcombeDifference(x1, n1, x2, n2);
    expect(r.estimate).toBeCloseTo(d, 4);
    expect(r.lower).toBeCloseTo(lo, 4);
    expect(r.upper).toBeCloseTo(hi, 4);
  });

  it('Wilson interval: 0 of 10 has a positive upper bound, never below 0', () => {
    const w = wilsonInterval(0, 10);
    expect(w.lower).toBe(0);
    expect(w.upper).toBeCloseTo(0.2775, 4);
  });
});

describe('Student t and Welch', () => {
  it('t quantiles match scipy.stats.t.ppf, fractional degrees of freedom included', () => {
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.228138851986274, 9);
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.706204736174694, 8);
    expect(studentTQuantile(0.975, 2.5)).toBeCloseTo(3.5746548420036817, 9);
    expect(studentTQuantile(0.9, 37.3)).toBeCloseTo(1.304663550540825, 9);
    expect(studentTQuantile(0.025, 10)).toBeCloseTo(-2.228138851986274, 9);
  });

  it('Welch interval from sums equals the one from the raw values (scipy)', () => {
    const r = welchDifference(moments([1, 2, 3, 4, 5]), moments([2, 4, 6, 8, 10, 12]));
    expect(r).not.toBeNull();
    expect(r!.estimate).toBeCloseTo(-4, 12);
    expect(r!.df).toBeCloseTo(6.9722557297949335, 9);
    expect(r!.lower).toBeCloseTo(-7.983468695628831, 8);
    expect(r!.upper).toBeCloseTo(-0.01653130437116923, 8);
  });

  it('Welch: null below two values per arm; a point when neither arm varies', () => {
    expect(welchDifference(moments([1]), moments([1, 2]))).toBeNull();
    expect(welchDifference(moments([0, 0, 0]), moments([0, 0]))).toMatchObject({ estimate: 0, lower: 0, upper: 0 });
  });
});

describe('relative uplift and compareArms', () => {
  it('Katz log interval around the risk ratio', () => {
    const r = relativeUplift(56, 70, 48, 80)!;
    expect(r.estimate).toBeCloseTo(0.8 / 0.6 - 1, 12);
    const se = Math.sqrt(1 / 56 - 1 / 70 + 1 / 48 - 1 / 80);
    expect(r.lower).toBeCloseTo(Math.exp(Math.log(0.8 / 0.6) - 1.959963984540054 * se) - 1, 12);
    expect(relativeUplift(0, 10, 3, 10)).toBeNull();
  });

  it('no holdout gives a reason instead of numbers', () => {
    const arm = { customers: 10, conversions: 2, revenue: moments([0, 0, 0, 0, 0, 0, 0, 0, 50, 70]) };
    expect(compareArms(arm, { customers: 0, conversions: 0, revenue: moments([]) })).toEqual({ ok: false, reason: 'no_holdout' });
    const both = compareArms(arm, { customers: 4, conversions: 1, revenue: moments([0, 0, 0, 30]) });
    expect(both.ok && both.uplift.absolute.estimate).toBeCloseTo(0.2 - 0.25, 12);
    expect(both.ok && both.uplift.revenuePerCustomer?.estimate).toBeCloseTo(12 - 7.5, 12);
  });
});
