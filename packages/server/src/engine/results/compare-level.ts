/**
 * A level's sums → the published comparison: rates, the three intervals (core's compareArms), incremental
 * figures, cost and ROI, money rounded to yuan with 2 decimals at the very end (sums stay in cents).
 *
 * Incremental margin = grossMargin × (incremental revenue + coupon value on the treated group's window
 * orders). Window revenue is what customers paid, already net of this campaign's coupons; the coupons are
 * then counted once, in cost. Margin on net revenue minus the full coupon would count each coupon's margin
 * share twice.
 */
import { compareArms } from '@huitou/core';
import type { Moments } from '@huitou/core';
import type { ArmResult, Comparison, IntervalEstimate } from './results-types.ts';
import type { ArmTally, LevelTally } from './tally.ts';

/** Cents → yuan with 2 decimals. */
export const yuan = (cents: number): number => Math.round(cents) / 100;
const fraction = (x: number): number => Math.round(x * 1e6) / 1e6;
const estimate = (e: { estimate: number; lower: number; upper: number }, f: (x: number) => number): IntervalEstimate => ({ estimate: f(e.estimate), lower: f(e.lower), upper: f(e.upper) });

function arm(a: ArmTally): ArmResult {
  return {
    customers: a.customers,
    sent: a.sent,
    failed: a.failed,
    pending: a.pending,
    dropped: a.dropped,
    conversions: a.conversions,
    conversionRate: a.customers > 0 ? fraction(a.conversions / a.customers) : null,
    orders: a.orders,
    revenue: yuan(a.revenueCents),
    revenuePerCustomer: a.customers > 0 ? yuan(a.revenueCents / a.customers) : null,
    openWindows: a.openWindows,
  };
}

const moments = (a: ArmTally): Moments => ({ n: a.customers, sum: a.revenueCents, sumSquares: a.revenueSquares });

export function compareLevel(level: LevelTally, grossMargin: number): Comparison {
  const { treated, holdout, redemptions: r } = level;
  const result = compareArms({ customers: treated.customers, conversions: treated.conversions, revenue: moments(treated) }, { customers: holdout.customers, conversions: holdout.conversions, revenue: moments(holdout) });
  const costCents = treated.costCents + r.couponCents;
  const cost = { messages: yuan(treated.costCents), coupons: yuan(r.couponCents), total: yuan(costCents) };
  const redemptions = { orders: r.orders, byRecipient: r.byRecipient, byOthers: r.orders - r.byRecipient, outsideWindow: r.outsideWindow, revenue: yuan(r.revenueCents), couponCost: yuan(r.couponCents) };
  const base = { treated: arm(treated), holdout: arm(holdout), redemptions, attributedRevenue: yuan(treated.revenueCents + r.outsideRevenueCents), cost };
  if (!result.ok) {
    return { ...base, uplift: null, upliftUnavailable: result.reason, incremental: { conversions: null, revenue: null, margin: null }, roi: null, roiUnavailable: 'no_uplift' };
  }
  const u = result.uplift;
  const n = treated.customers;
  const perCustomer = u.revenuePerCustomer;
  const incrementalRevenueCents = perCustomer === null ? null : { estimate: n * perCustomer.estimate, lower: n * perCustomer.lower, upper: n * perCustomer.upper };
  const marginCents = incrementalRevenueCents === null ? null : grossMargin * (incrementalRevenueCents.estimate + r.inWindowCouponCents);
  const roi = marginCents === null || costCents <= 0 ? null : Math.round(((marginCents - costCents) / costCents) * 1e4) / 1e4;
  return {
    ...base,
    uplift: {
      treatedRate: fraction(u.treatedRate),
      holdoutRate: fraction(u.holdoutRate),
      absolute: estimate(u.absolute, fraction),
      relative: u.relative === null ? null : estimate(u.relative, fraction),
      revenuePerCustomer: perCustomer === null ? null : { ...estimate(perCustomer, yuan), df: Math.round(perCustomer.df * 100) / 100 },
    },
    upliftUnavailable: null,
    incremental: {
      conversions: Math.round(n * u.absolute.estimate * 100) / 100,
      revenue: incrementalRevenueCents === null ? null : estimate(incrementalRevenueCents, yuan),
      margin: marginCents === null ? null : yuan(marginCents),
    },
    roi,
    roiUnavailable: roi !== null ? null : marginCents === null ? 'no_uplift' : 'no_cost',
  };
}
