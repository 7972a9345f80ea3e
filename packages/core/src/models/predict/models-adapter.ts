/**
 * A fitted purchase model behind one interface, so predictions and CLV do not care whether
 * BG/NBD or Pareto/NBD is used.
 */
import { bgnbdConditionalExpected, bgnbdProbabilityAlive } from '../bgnbd/expectations.ts';
import type { BgNbdParams } from '../bgnbd/fit.ts';
import { paretoNbdConditionalExpected, paretoNbdProbabilityAlive } from '../pareto-nbd/fit.ts';
import type { ParetoNbdParams } from '../pareto-nbd/likelihood.ts';

/** A purchase model and its parameters (time in the unit of the fit). */
export type PurchaseModel =
  | { readonly kind: 'bgnbd'; readonly params: BgNbdParams }
  | { readonly kind: 'pareto-nbd'; readonly params: ParetoNbdParams };

/** P(alive | x, t_x, T) under either model. */
export function probabilityAlive(m: PurchaseModel, x: number, tx: number, T: number): number {
  return m.kind === 'bgnbd' ? bgnbdProbabilityAlive(m.params, x, tx, T) : paretoNbdProbabilityAlive(m.params, x, tx, T);
}

/** E[Y(t) | x, t_x, T] under either model. */
export function conditionalExpected(m: PurchaseModel, t: number, x: number, tx: number, T: number): number {
  return m.kind === 'bgnbd' ? bgnbdConditionalExpected(m.params, t, x, tx, T) : paretoNbdConditionalExpected(m.params, t, x, tx, T);
}

/**
 * Predicted time to the next order: the median waiting time to the next purchase *given the
 * customer is alive*. Given alive, λ | data ~ Gamma(r + x, α + T) in both models, and the wait
 * is exponential in λ, so P(wait > s | alive) = ((α+T)/(α+T+s))^(r+x) and the median is
 *   s½ = (α + T)(2^(1/(r+x)) − 1).
 * Under BG/NBD an alive customer's next purchase is certain (dropout happens only right after a
 * purchase), so this is exactly the conditional median; under Pareto/NBD it ignores death
 * before the next purchase. It is always finite; read it together with P(alive)/churn band:
 * "if still a customer, half the chance of ordering within s½".
 */
export function medianTimeToNextPurchaseIfAlive(m: PurchaseModel, x: number, T: number): number {
  const { r, alpha } = m.params;
  return (alpha + T) * Math.expm1(Math.LN2 / (r + x));
}
