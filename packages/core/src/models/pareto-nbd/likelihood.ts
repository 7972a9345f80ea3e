/**
 * Pareto/NBD log-likelihood (Fader & Hardie 2005, note 009, eqs. 19–22) in log space:
 *   ln L = ln Γ(r+x) − ln Γ(r) + r ln α + s ln β + logaddexp(A₁, A₂),
 *   A₁ = −(r+x) ln(α+T) − s ln(β+T),  A₂ = ln s − ln(r+s+x) + ln A₀,
 * with A₀ = G(u(t_x)) − G(u(T)) in the α >= β / α < β branches (u = α+· or β+·). ₂F₁ is used in
 * its Euler form, whose leading parameter is 1, and combined in logs, so x > 300 (where A₀
 * underflows, lifetimes issue #25) and t_x = T (A₀ = 0) are handled without overflow or NaN.
 */
import { hyp2f1Raw } from '../special/hyp2f1.ts';
import { lnGamma } from '../special/log-gamma.ts';
import { log1mExp, logAddExp } from '../special/log-sum-exp.ts';

/** Pareto/NBD parameters: λ ~ Gamma(r, α), dropout rate μ ~ Gamma(s, β). */
export interface ParetoNbdParams {
  readonly r: number;
  readonly alpha: number;
  readonly s: number;
  readonly beta: number;
}

/** ln ₂F₁(a, b; c; z) = (c−a−b) ln(1−z) + ln ₂F₁(c−a, c−b; c; z) (Euler), for 0 <= z < 1. */
function lnHyp2f1Euler(a: number, b: number, c: number, z: number): number {
  if (z === 0) return 0;
  const f = hyp2f1Raw(c - a, c - b, c, z);
  return f > 0 ? (c - a - b) * Math.log1p(-z) + Math.log(f) : Number.NaN;
}

/** ln G(u) for the branch selected by α >= β (note 009 eqs. 21, 22). */
function lnG(p: ParetoNbdParams, x: number, u: number): number {
  const rsx = p.r + p.s + x;
  if (p.alpha >= p.beta) {
    return lnHyp2f1Euler(rsx, p.s + 1, rsx + 1, (p.alpha - p.beta) / u) - rsx * Math.log(u);
  }
  return lnHyp2f1Euler(rsx, p.r + x, rsx + 1, (p.beta - p.alpha) / u) - rsx * Math.log(u);
}

/** The two log-terms (A₁, A₂) of the bracket; A₂ = −Infinity when t_x = T. */
export function paretoNbdLogTerms(p: ParetoNbdParams, x: number, tx: number, T: number): [number, number] {
  const a1 = -(p.r + x) * Math.log(p.alpha + T) - p.s * Math.log(p.beta + T);
  const base = p.alpha >= p.beta ? p.alpha : p.beta;
  const g1 = lnG(p, x, base + tx);
  const g2 = lnG(p, x, base + T);
  const lnA0 = tx >= T ? Number.NEGATIVE_INFINITY : g1 + log1mExp(Math.min(0, g2 - g1));
  const a2 = Math.log(p.s) - Math.log(p.r + p.s + x) + lnA0;
  return [a1, a2];
}

/** Per-customer ln L (NaN only if ₂F₁ failed; the fitter treats that as +Infinity NLL). */
export function paretoNbdLogLikOne(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  const [a1, a2] = paretoNbdLogTerms(p, x, tx, T);
  return lnGamma(p.r + x) - lnGamma(p.r) + p.r * Math.log(p.alpha) + p.s * Math.log(p.beta) + logAddExp(a1, a2);
}

/** Total negative log-likelihood over weighted rows; +Infinity when any term is not finite. */
export function paretoNbdNegLogLik(p: ParetoNbdParams, x: Float64Array, tx: Float64Array, T: Float64Array, w: Float64Array): number {
  let ll = 0;
  for (let i = 0; i < x.length; i++) ll += w[i]! * paretoNbdLogLikOne(p, x[i]!, tx[i]!, T[i]!);
  return Number.isFinite(ll) ? -ll : Number.POSITIVE_INFINITY;
}
