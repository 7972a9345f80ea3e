/**
 * Treated against holdout for one campaign (or occurrence, or variant): the uplift in conversion rate
 * (absolute, Newcombe; relative, Katz) and in revenue per customer (Welch), or the reason there is none.
 * Revenue moments are per customer (customers without an order count as 0), in any one currency unit.
 */
import { newcombeDifference, relativeUplift, Z_95 } from './proportions.ts';
import type { Interval } from './proportions.ts';
import { welchDifference } from './welch.ts';
import type { Moments } from './welch.ts';

/** One arm: customers, how many converted, and their per-customer revenue moments. */
export interface ArmSummary {
  readonly customers: number;
  readonly conversions: number;
  readonly revenue: Moments;
}

export const UPLIFT_METHODS = Object.freeze({
  absolute: 'Newcombe hybrid score interval for a difference of proportions (Newcombe 1998, method 10), 95 %',
  relative: 'Katz log risk-ratio interval, 95 %',
  revenuePerCustomer: 'Welch t interval for a difference of means (Welch–Satterthwaite degrees of freedom), 95 %',
});

export type NoUpliftReason = 'no_holdout' | 'no_treated';

export interface Estimate extends Interval {
  readonly estimate: number;
}

export interface Uplift {
  readonly treatedRate: number;
  readonly holdoutRate: number;
  /** p_treated − p_holdout. */
  readonly absolute: Estimate;
  /** p_treated / p_holdout − 1; null when either arm has no conversion (the ratio is 0 or infinite). */
  readonly relative: Estimate | null;
  /** Mean revenue per treated customer − per holdout customer; null when an arm has fewer than 2 customers. */
  readonly revenuePerCustomer: (Estimate & { readonly df: number }) | null;
}

export type UpliftResult = { readonly ok: true; readonly uplift: Uplift } | { readonly ok: false; readonly reason: NoUpliftReason };

export function compareArms(treated: ArmSummary, holdout: ArmSummary): UpliftResult {
  if (holdout.customers <= 0) return { ok: false, reason: 'no_holdout' };
  if (treated.customers <= 0) return { ok: false, reason: 'no_treated' };
  const absolute = newcombeDifference(treated.conversions, treated.customers, holdout.conversions, holdout.customers, Z_95);
  return {
    ok: true,
    uplift: {
      treatedRate: treated.conversions / treated.customers,
      holdoutRate: holdout.conversions / holdout.customers,
      absolute,
      relative: relativeUplift(treated.conversions, treated.customers, holdout.conversions, holdout.customers, Z_95),
      revenuePerCustomer: welchDifference(treated.revenue, holdout.revenue, 0.95),
    },
  };
}
