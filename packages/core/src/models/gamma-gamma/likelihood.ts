/**
 * Gamma-Gamma spend model log-likelihood (Fader & Hardie 2013, note 025, eq. 4: the density of
 * the *mean* spend m of x transactions) and its analytic gradient:
 *   ln f(m | x) = ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln γ + (px−1) ln m + px ln x − (px+q) ln(γ + m x).
 * Γ/ψ terms are computed once per distinct x.
 */
import { digamma } from '../special/digamma.ts';
import { lnGamma } from '../special/log-gamma.ts';

/** Prepared spend data (customers with x > 0 and m > 0). */
export interface PreparedSpend {
  readonly x: Float64Array;
  readonly m: Float64Array;
  readonly weight: Float64Array;
  readonly mx: Float64Array;
  readonly xIndex: Int32Array;
  readonly distinctX: Float64Array;
  readonly totalWeight: number;
  /** Constant parts: Σ w ln m and Σ w x ln(m x). */
  readonly sumWLnM: number;
  readonly sumWXLnMX: number;
  /** Σ w and Σ w x per distinct x. */
  readonly weightAtX: Float64Array;
  readonly wxAtX: Float64Array;
}

/** Total negative log-likelihood at θ = (ln p, ln q, ln γ); gradient w.r.t. θ into `grad`. */
export function gammaGammaNegLogLik(theta: ArrayLike<number>, d: PreparedSpend, scratch: Float64Array, grad?: Float64Array): number {
  const p = Math.exp(theta[0]!), q = Math.exp(theta[1]!), g = Math.exp(theta[2]!);
  const K = d.distinctX.length;
  const lgq = lnGamma(q), psq = digamma(q);
  let ll = 0, gp = 0, gq = 0;
  // Per distinct x: Γ/ψ parts, weighted by the customers at that x.
  for (let k = 0; k < K; k++) {
    const x = d.distinctX[k]!;
    const px = p * x;
    const w = d.weightAtX[k]!;
    const psPxq = digamma(px + q);
    ll += w * (lnGamma(px + q) - lnGamma(px) - lgq);
    gp += d.wxAtX[k]! * (psPxq - digamma(px));
    gq += w * (psPxq - psq);
    scratch[k] = px + q;
  }
  const lnG = Math.log(g);
  ll += d.totalWeight * q * lnG - d.sumWLnM + p * d.sumWXLnMX;
  gp += d.sumWXLnMX;
  gq += d.totalWeight * lnG;
  let gg = (d.totalWeight * q) / g;
  const { mx, weight, xIndex, x: xs } = d;
  for (let i = 0; i < mx.length; i++) {
    const w = weight[i]!;
    const s = scratch[xIndex[i]!]!;
    const den = g + mx[i]!;
    const l = Math.log(den);
    ll -= w * s * l;
    gp -= w * xs[i]! * l;
    gq -= w * l;
    gg -= (w * s) / den;
  }
  if (!Number.isFinite(ll)) return Number.POSITIVE_INFINITY;
  if (grad !== undefined) {
    grad[0] = -gp * p;
    grad[1] = -gq * q;
    grad[2] = -gg * g;
  }
  return -ll;
}
