/**
 * BG/NBD expectations (Fader, Hardie & Lee 2005): E[X(t)] (eq. 7), P(X(t) = n) (eq. 8),
 * P(alive | x, t_x, T) (eq. 11 via the D term of eq. 10) and E[Y(t) | x, t_x, T] (eq. 10).
 *
 * ₂F₁ is always evaluated in its Euler-transformed form
 *   (1 − z)^(r+x) ₂F₁(r+x, b+x; a+b+x−1; z) = (1 − z)^(a−1) ₂F₁(a+b−1−r, a−1; a+b+x−1; z),
 * whose numerator parameters do not grow with x: no overflow at x = 500 (the direct series
 * behaves like (1 − z)^−x) and no NaN for c = a + b − 1 < 0 (lifetimes issue #302).
 * Functions return NaN only when ₂F₁ fails; the `Result` wrappers turn that into a typed error.
 */
import { hyp2f1Raw } from '../special/hyp2f1.ts';
import { lnBeta, lnGamma } from '../special/log-gamma.ts';
import { log1pExp } from '../special/log-sum-exp.ts';
import { fail, ok, type Result } from '../result.ts';
import type { BgNbdParams } from './fit.ts';

/** d = ln D − softplus form: ln[a/(b+x−1)] + (r+x) ln((α+T)/(α+t_x)); −Infinity for x = 0. */
function logOddsDead(p: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return Number.NEGATIVE_INFINITY;
  return Math.log(p.a / (p.b + x - 1)) + (p.r + x) * Math.log((p.alpha + T) / (p.alpha + tx));
}

/** P(alive | x, t_x, T) = 1/D (FHL 2005 eq. 11); exactly 1 for x = 0. */
export function bgnbdProbabilityAlive(p: BgNbdParams, x: number, tx: number, T: number): number {
  return Math.exp(-log1pExp(logOddsDead(p, x, tx, T)));
}

/** (1 − z)^(a−1) ₂F₁(a+b−1−r, a−1; a+b+x−1; z), the Euler-transformed bracket term. */
function bracket(p: BgNbdParams, x: number, z: number): number {
  const f = hyp2f1Raw(p.a + p.b - 1 - p.r, p.a - 1, p.a + p.b + x - 1, z);
  return Math.pow(1 - z, p.a - 1) * f;
}

/**
 * E[Y(t) | x, t_x, T] (FHL 2005 eq. 10): expected repeat purchases in (T, T + t].
 * NaN only if ₂F₁ fails (see {@link bgnbdConditionalExpectedResult}).
 */
export function bgnbdConditionalExpected(p: BgNbdParams, t: number, x: number, tx: number, T: number): number {
  if (t <= 0) return 0;
  const z = t / (p.alpha + T + t);
  const lead = (p.a + p.b + x - 1) / (p.a - 1);
  return lead * (1 - bracket(p, x, z)) * bgnbdProbabilityAlive(p, x, tx, T);
}

/** Typed-result version of {@link bgnbdConditionalExpected}. */
export function bgnbdConditionalExpectedResult(p: BgNbdParams, t: number, x: number, tx: number, T: number): Result<number> {
  const v = bgnbdConditionalExpected(p, t, x, tx, T);
  return Number.isFinite(v) ? ok(v) : fail('HYP2F1_NO_CONVERGENCE', `E[Y(${t})] could not be evaluated for x=${x}`, '条件期望计算失败');
}

/** E[X(t)] for a new customer (FHL 2005 eq. 7); equals E[Y(t) | 0, 0, 0]. */
export function bgnbdExpectedPurchases(p: BgNbdParams, t: number): number {
  if (t <= 0) return 0;
  const z = t / (p.alpha + t);
  return ((p.a + p.b - 1) / (p.a - 1)) * (1 - bracket(p, 0, z));
}

/**
 * P(X(t) = n) for a new customer (FHL 2005 eq. 8):
 *   B(a, b+n)/B(a, b) · NB(n) + 1{n>0} · B(a+1, b+n−1)/B(a, b) · P(NBD(t) >= n),
 * with NB(j) = Γ(r+j)/(Γ(r) j!) (α/(α+t))^r (t/(α+t))^j; the NBD tail is summed directly
 * when it is small, to avoid 1 − (sum close to 1) cancellation.
 */
export function bgnbdProbabilityOfPurchases(p: BgNbdParams, t: number, n: number): number {
  if (!Number.isInteger(n) || n < 0) return 0;
  if (t <= 0) return n === 0 ? 1 : 0;
  const lq = Math.log(p.alpha / (p.alpha + t));
  const lz = Math.log(t / (p.alpha + t));
  const lgr = lnGamma(p.r);
  const lnNb = (j: number): number => lnGamma(p.r + j) - lgr - lnGamma(j + 1) + p.r * lq + j * lz;
  const lbab = lnBeta(p.a, p.b);
  let prob = Math.exp(lnBeta(p.a, p.b + n) - lbab + lnNb(n));
  if (n > 0) {
    let head = 0;
    for (let j = 0; j < n; j++) head += Math.exp(lnNb(j));
    let tail = 1 - head;
    if (head > 0.5) {
      tail = 0;
      for (let j = n; j < n + 100000; j++) {
        const term = Math.exp(lnNb(j));
        tail += term;
        if (term < 1e-17 * tail && j > n + (p.r * Math.exp(lz)) / Math.exp(lq)) break;
      }
    }
    prob += Math.exp(lnBeta(p.a + 1, p.b + n - 1) - lbab) * tail;
  }
  return prob;
}
