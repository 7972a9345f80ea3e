import { describe, expect, it } from 'vitest';
import { digamma } from './digamma.ts';
import { hyp2f1, hyp2f1Raw } from './hyp2f1.ts';
import { lnAbsGamma, lnBeta, lnGamma } from './log-gamma.ts';
import { log1mExp, log1pExp, logAddExp, logSumExp } from './log-sum-exp.ts';

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

describe('lnGamma', () => {
  it('matches factorials and half-integers to ~1e-14 relative', () => {
    let lnFact = 0;
    for (let n = 1; n <= 170; n++) {
      if (n > 1) lnFact += Math.log(n - 1);
      if (n > 2) expect(rel(lnGamma(n), lnFact)).toBeLessThan(1e-14);
      else expect(Math.abs(lnGamma(n))).toBeLessThan(1e-16);
    }
    expect(rel(lnGamma(0.5), 0.5 * Math.log(Math.PI))).toBeLessThan(1e-15);
    // Γ(n + 1/2) = (2n)! √π / (4^n n!)
    expect(rel(lnGamma(10.5), Math.log(1133278.388948786))).toBeLessThan(1e-14);
    expect(rel(lnGamma(1e-8), 18.42068073818021)).toBeLessThan(1e-14);
    expect(rel(lnGamma(1e6), 12815504.56914761)).toBeLessThan(1e-14);
  });
  it('keeps relative accuracy near the roots x = 1 and x = 2', () => {
    // ln Γ(1 + ε) ≈ −γ ε + ζ(2)/2 ε², ln Γ(2 + ε) ≈ (1 − γ) ε
    const eps = 1 + 1e-9 - 1; // exactly representable offset
    expect(rel(lnGamma(1 + eps), -0.5772156649015329 * eps + 0.8224670334241132 * eps * eps)).toBeLessThan(1e-12);
    const eps2 = 2 + 1e-9 - 2;
    expect(rel(lnGamma(2 + eps2), 0.42278433509846713 * eps2)).toBeLessThan(1e-8);
  });
  it('is continuous across the method boundaries and reflects negative arguments', () => {
    for (const x of [0.5, 0.75, 1.25, 1.75, 2.25, 10]) {
      const h = x * 1e-9;
      const slope = (lnGamma(x + h) - lnGamma(x - h)) / (2 * h);
      expect(Math.abs(slope - digamma(x))).toBeLessThan(1e-5);
    }
    const g = lnAbsGamma(-0.5); // Γ(−1/2) = −2√π
    expect(g.sign).toBe(-1);
    expect(rel(g.value, Math.log(2 * Math.sqrt(Math.PI)))).toBeLessThan(1e-14);
    expect(lnAbsGamma(-3).sign).toBe(0);
    expect(rel(lnBeta(2, 3), Math.log(1 / 12))).toBeLessThan(1e-14);
  });
});

describe('digamma', () => {
  it('matches closed forms', () => {
    const gammaE = 0.5772156649015329;
    expect(rel(digamma(1), -gammaE)).toBeLessThan(1e-14);
    expect(rel(digamma(0.5), -gammaE - 2 * Math.LN2)).toBeLessThan(1e-14);
    expect(rel(digamma(1e-6), -1e6 - gammaE + 1.6449340668482264e-6)).toBeLessThan(1e-13);
    for (const x of [0.3, 2.7, 33.1, 1e4]) expect(rel(digamma(x + 1) - digamma(x), 1 / x)).toBeLessThan(1e-11);
    expect(rel(digamma(-0.5), 0.03648997397857652)).toBeLessThan(1e-12);
  });
});

describe('hyp2f1', () => {
  it('matches elementary closed forms on (−∞, 1)', () => {
    for (const z of [-20, -0.9, -0.3, 0.1, 0.5, 0.85, 0.95, 0.999, 0.999999]) {
      // c − a − b = 0 is the degenerate (logarithmic) case: averaged fallback near z = 1.
      expect(rel(hyp2f1Raw(1, 1, 2, z), -Math.log1p(-z) / z)).toBeLessThan(z > 0.9999 ? 1e-7 : 1e-12);
      expect(rel(hyp2f1Raw(2.5, 0.7, 0.7, z), Math.pow(1 - z, -2.5))).toBeLessThan(1e-12);
    }
    for (const s of [0.2, 0.7, 0.99]) {
      expect(rel(hyp2f1Raw(0.5, 0.5, 1.5, s * s), Math.asin(s) / s)).toBeLessThan(1e-12);
    }
  });
  it('uses the connection formula near z = 1 and terminates polynomials', () => {
    // ₂F₁(a, b; c; 1) = Γ(c)Γ(c−a−b)/(Γ(c−a)Γ(c−b)) (Gauss); check the limit approach.
    const a = 0.3, b = 0.8, c = 2.4;
    const gauss = Math.exp(lnGamma(c) + lnGamma(c - a - b) - lnGamma(c - a) - lnGamma(c - b));
    expect(Math.abs(hyp2f1Raw(a, b, c, 1 - 1e-12) - gauss)).toBeLessThan(1e-9);
    expect(hyp2f1Raw(-2, 3, 4, 0.5)).toBeCloseTo(1 - 2 * (3 / 4) * 0.5 + (3 * 4 / (4 * 5)) * 0.25, 14);
  });
  it('returns a typed failure, never NaN, when undefined', () => {
    const bad = hyp2f1(1, 1, -2, 0.5);
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('HYP2F1_NO_CONVERGENCE');
      expect(bad.error.messageZh.length).toBeGreaterThan(0);
    }
    expect(hyp2f1(1, 1, 2, 1).ok).toBe(false);
    const good = hyp2f1(1, 1, 2, 0.5);
    expect(good.ok && good.value).toBeCloseTo(2 * Math.LN2, 14);
  });
});

describe('log-sum-exp', () => {
  it('does not overflow or underflow', () => {
    expect(logAddExp(1000, 1000)).toBeCloseTo(1000 + Math.LN2, 12);
    expect(logAddExp(-1000, Number.NEGATIVE_INFINITY)).toBe(-1000);
    expect(logSumExp([800, 800, 800])).toBeCloseTo(800 + Math.log(3), 12);
    expect(logSumExp([])).toBe(Number.NEGATIVE_INFINITY);
    expect(log1pExp(800)).toBe(800);
    expect(log1pExp(-700)).toBeCloseTo(Math.exp(-700), 310);
    expect(log1mExp(-1e-20)).toBeCloseTo(Math.log(1e-20), 10);
    expect(log1mExp(-50)).toBeCloseTo(-Math.exp(-50), 30);
  });
});
