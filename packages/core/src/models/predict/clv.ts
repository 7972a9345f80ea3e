/**
 * Customer lifetime value, discrete monthly form used by lifetimes
 * (`utils._customer_lifetime_value`):
 *   CLV = margin · Σ_{k=1..K} M̃ · [E[Y(k f)] − E[Y((k−1) f)]] / (1 + d)^k,
 * with M̃ the Gamma-Gamma expected order value, f the model time units per month and d the
 * monthly discount rate.
 */
import { conditionalExpected, type PurchaseModel } from './models-adapter.ts';

/** Model time units per month, lifetimes' constants (W: 4.345, D: 30). */
export const UNITS_PER_MONTH = { day: 30, week: 4.345 } as const;

/** CLV settings. */
export interface ClvOptions {
  /** Horizon in months (default 12). */
  readonly months?: number;
  /** Monthly discount rate d (default 0.01). */
  readonly monthlyDiscountRate?: number;
  /** Gross margin applied to revenue (default 1). */
  readonly grossMargin?: number;
}

/** CLV of one customer; NaN only when E[Y] could not be evaluated. */
export function customerLifetimeValue(
  model: PurchaseModel, unitsPerMonth: number, expectedOrderValue: number,
  x: number, tx: number, T: number, options: ClvOptions = {},
): number {
  const months = options.months ?? 12;
  const d = options.monthlyDiscountRate ?? 0.01;
  const margin = options.grossMargin ?? 1;
  let prev = 0, clv = 0, disc = 1;
  for (let k = 1; k <= months; k++) {
    const ey = conditionalExpected(model, k * unitsPerMonth, x, tx, T);
    disc /= 1 + d;
    clv += (ey - prev) * disc;
    prev = ey;
  }
  return margin * expectedOrderValue * clv;
}
