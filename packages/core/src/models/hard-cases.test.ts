import { describe, expect, it } from 'vitest';
import { bgnbdConditionalExpected, bgnbdExpectedPurchases, bgnbdProbabilityAlive } from './bgnbd/expectations.ts';
import { fitBgNbd } from './bgnbd/fit.ts';
import { fitGammaGamma } from './gamma-gamma/fit.ts';
import { fitParetoNbd } from './pareto-nbd/fit.ts';
import { createRng } from './simulate/prng.ts';
import { simulateBgNbd } from './simulate/simulate-bgnbd.ts';

const P = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const sim = simulateBgNbd(P, { customers: 3000, tMin: 27, tMax: 39, seed: 7, spend: { p: 6, q: 4, gamma: 15 } });

function expectError(r: { ok: boolean; error?: { code: string; message: string; messageZh: string } }, code: string): void {
  expect(r.ok).toBe(false);
  expect(r.error?.code).toBe(code);
  expect(r.error?.message.length).toBeGreaterThan(10);
  expect(r.error?.messageZh.length).toBeGreaterThan(3);
}

describe('hard cases return typed errors, never NaN', () => {
  it('no repeat purchases at all', () => {
    const n = 500;
    const data = { x: new Float64Array(n), tx: new Float64Array(n), T: new Float64Array(n).fill(30) };
    expectError(fitBgNbd(data), 'NO_REPEAT_PURCHASES');
    expectError(fitParetoNbd(data), 'NO_REPEAT_PURCHASES');
    expectError(fitGammaGamma(data.x, new Float64Array(n)), 'NO_REPEAT_PURCHASES');
  });
  it('fewer than 100 customers unless overridden', () => {
    const small = { x: sim.x.slice(0, 60), tx: sim.tx.slice(0, 60), T: sim.T.slice(0, 60) };
    expectError(fitBgNbd(small), 'TOO_FEW_CUSTOMERS');
    const forced = fitBgNbd(small, { allowSmallSample: true });
    expect(forced.ok).toBe(true);
    if (forced.ok) for (const v of [forced.value.r, forced.value.alpha, forced.value.a, forced.value.b, forced.value.logLikelihood]) expect(Number.isFinite(v)).toBe(true);
  });
  it('all customers on one day (T = 0 everywhere)', () => {
    const n = 200;
    expectError(fitBgNbd({ x: new Float64Array(n), tx: new Float64Array(n), T: new Float64Array(n) }), 'ZERO_OBSERVATION_TIME');
  });
  it('T = 0 rows mixed into real data are harmless', () => {
    const x = Float64Array.from([...sim.x, 0, 0]);
    const f = fitBgNbd({ x, tx: Float64Array.from([...sim.tx, 0, 0]), T: Float64Array.from([...sim.T, 0, 0]) });
    expect(f.ok).toBe(true);
    expect(bgnbdProbabilityAlive(P, 0, 0, 0)).toBe(1);
    expect(bgnbdConditionalExpected(P, 10, 0, 0, 0)).toBeCloseTo(bgnbdExpectedPurchases(P, 10), 14);
  });
  it('invalid rows (t_x > T, negative, non-integer x)', () => {
    expectError(fitBgNbd({ x: [1, 0], tx: [5, 0], T: [3, 3] }, { allowSmallSample: true }), 'INVALID_INPUT');
    expectError(fitBgNbd({ x: [1.5], tx: [1], T: [3] }, { allowSmallSample: true }), 'INVALID_INPUT');
    expectError(fitGammaGamma([2], [-5], { allowSmallSample: true }), 'INVALID_INPUT');
  });
  it('frequencies above 300 (x = 500) fit and predict finitely', () => {
    const x = Float64Array.from([...sim.x, 500, 350, 301]);
    const tx = Float64Array.from([...sim.tx, 38.5, 30, 39]);
    const T = Float64Array.from([...sim.T, 39, 39, 39]);
    const f = fitBgNbd({ x, tx, T });
    expect(f.ok).toBe(true);
    if (!f.ok) return;
    expect(Number.isFinite(f.value.logLikelihood)).toBe(true);
    for (const [xi, txi] of [[500, 38.5], [500, 1], [500, 39], [2000, 20]] as const) {
      const e = bgnbdConditionalExpected(f.value, 52, xi, txi, 39);
      const pa = bgnbdProbabilityAlive(f.value, xi, txi, 39);
      expect(Number.isFinite(e) && e >= 0).toBe(true);
      expect(pa >= 0 && pa <= 1).toBe(true);
    }
    // Paper parameters: E[Y] grows ~linearly in x when the customer is surely alive.
    expect(bgnbdConditionalExpected(P, 52, 500, 39, 39)).toBeGreaterThan(100);
    const pf = fitParetoNbd({ x, tx, T });
    expect(pf.ok && Number.isFinite(pf.value.logLikelihood)).toBe(true);
  });
  it('Gamma-Gamma refuses q <= 1 with a clear error', () => {
    // Spends simulated with q = 0.5 (infinite-mean tail): m = γ G(p) / G(q).
    const rng = createRng(11);
    const n = 1000;
    const x = new Float64Array(n).fill(1);
    const m = Float64Array.from({ length: n }, () => (20 * rng.gamma(4)) / rng.gamma(0.5));
    expectError(fitGammaGamma(x, m), 'GG_Q_NOT_ABOVE_ONE');
  });
  it('recovers simulated parameters with sensible standard errors', () => {
    const f = fitBgNbd(sim);
    if (!f.ok) throw new Error(f.error.message);
    const se = f.value.standardErrors!;
    expect(Math.abs(f.value.r - P.r)).toBeLessThan(4 * se.r);
    expect(Math.abs(f.value.a - P.a)).toBeLessThan(4 * se.a);
    const g = fitGammaGamma(sim.x, sim.meanSpend);
    if (!g.ok) throw new Error(g.error.message);
    expect(Math.abs(g.value.q - 4)).toBeLessThan(4 * g.value.standardErrors!.q);
  });
});
