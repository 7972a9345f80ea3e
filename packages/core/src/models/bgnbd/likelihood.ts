/**
 * BG/NBD log-likelihood and analytic gradient (Fader, Hardie & Lee 2005, eq. 6):
 *   ln L = ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x) − ln B(a, b)
 *          + ln[(α+T)^−(r+x) + 1{x>0} · a/(b+x−1) · (α+t_x)^−(r+x)].
 * The bracket is evaluated as −(r+x) ln(α+T) + softplus(d) with
 *   d = ln a − ln(b+x−1) + (r+x)(ln(α+T) − ln(α+t_x)),
 * the max-shift (logaddexp) form that cannot overflow; for x = 0 the second term is absent and
 * ln(b−1) is never evaluated. Per-frequency Γ/ψ terms are computed once per distinct x.
 */
import { digamma } from '../special/digamma.ts';
import { lnGamma } from '../special/log-gamma.ts';
import type { PreparedRfm } from '../rfm-input.ts';

/** Scratch buffers reused across evaluations (no per-customer allocation). */
export interface BgNbdWorkspace {
  readonly c: Float64Array;
  readonly dr: Float64Array;
  readonly da: Float64Array;
  readonly db: Float64Array;
  readonly l0: Float64Array;
  readonly inv: Float64Array;
}

/** Allocate the per-distinct-x scratch for {@link bgnbdNegLogLik}. */
export function bgnbdWorkspace(data: PreparedRfm): BgNbdWorkspace {
  const k = data.distinctX.length;
  return { c: new Float64Array(k), dr: new Float64Array(k), da: new Float64Array(k), db: new Float64Array(k), l0: new Float64Array(k), inv: new Float64Array(k) };
}

/**
 * Total negative log-likelihood at log-parameters θ = (ln r, ln α, ln a, ln b); when `grad` is
 * given, writes ∂(−ln L)/∂θ into it. Returns +Infinity (never NaN) for non-finite values.
 */
export function bgnbdNegLogLik(theta: ArrayLike<number>, data: PreparedRfm, ws: BgNbdWorkspace, grad?: Float64Array): number {
  const r = Math.exp(theta[0]!), alpha = Math.exp(theta[1]!), a = Math.exp(theta[2]!), b = Math.exp(theta[3]!);
  const { c, dr, da, db, l0, inv } = ws;
  const lnA = Math.log(a), lnAlpha = Math.log(alpha);
  const lgR = lnGamma(r), lgB = lnGamma(b), lgAB = lnGamma(a + b);
  const psR = digamma(r), psB = digamma(b), psAB = digamma(a + b);
  let ll = 0, gr = 0, ga = 0, gb = 0;
  for (let k = 0; k < data.distinctX.length; k++) {
    const x = data.distinctX[k]!;
    const w = data.weightAtX[k]!;
    if (x === 0) {
      c[k] = 0; dr[k] = 0; da[k] = 0; db[k] = 0; l0[k] = 0; inv[k] = 0;
      continue;
    }
    c[k] = lnGamma(r + x) - lgR + lnGamma(b + x) - lgB - lnGamma(a + b + x) + lgAB;
    const psABX = digamma(a + b + x);
    dr[k] = digamma(r + x) - psR;
    da[k] = psAB - psABX;
    db[k] = digamma(b + x) - psB + psAB - psABX;
    l0[k] = lnA - Math.log(b + x - 1);
    inv[k] = 1 / (b + x - 1);
    ll += w * c[k]!;
    gr += w * dr[k]!;
    ga += w * da[k]!;
    gb += w * db[k]!;
  }
  ll += data.totalWeight * r * lnAlpha;
  gr += data.totalWeight * lnAlpha;
  let gAlpha = (data.totalWeight * r) / alpha;
  const { x: xs, tx: txs, T: Ts, weight, xIndex } = data;
  const n = xs.length;
  const zeros = data.zeroRows;
  // x = 0 rows: ln L_i = r ln α − r ln(α+T) (no ln(b−1) anywhere).
  let sumLnT = 0, sumInvT = 0;
  for (let i = 0; i < zeros; i++) {
    const w = weight[i]!;
    const aT = alpha + Ts[i]!;
    sumLnT += w * Math.log(aT);
    sumInvT += w / aT;
  }
  ll -= r * sumLnT;
  gr -= sumLnT;
  gAlpha -= r * sumInvT;
  let sumPi = 0, sumPiInv = 0;
  for (let i = zeros; i < n; i++) {
    const w = weight[i]!;
    const x = xs[i]!;
    const aT = alpha + Ts[i]!;
    const lT = Math.log(aT);
    const k = xIndex[i]!;
    const at = alpha + txs[i]!;
    const lt = Math.log(at);
    const rx = r + x;
    const d = l0[k]! + rx * (lT - lt);
    const e = Math.exp(-Math.abs(d));
    const sp = (d > 0 ? d : 0) + Math.log1p(e);
    const pi = d >= 0 ? 1 / (1 + e) : e / (1 + e);
    ll += w * (sp - rx * lT);
    gr += w * (pi * (lT - lt) - lT);
    gAlpha -= w * rx * ((1 - pi) / aT + pi / at);
    sumPi += w * pi;
    sumPiInv += w * pi * inv[k]!;
  }
  ga += sumPi / a;
  gb -= sumPiInv;
  if (!Number.isFinite(ll)) return Number.POSITIVE_INFINITY;
  if (grad !== undefined) {
    grad[0] = -gr * r;
    grad[1] = -gAlpha * alpha;
    grad[2] = -ga * a;
    grad[3] = -gb * b;
  }
  return -ll;
}
