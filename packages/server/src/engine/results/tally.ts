/**
 * Additive sums per group: everything the result needs is a count or a sum (Σrevenue and Σrevenue² per
 * customer included), so a variant's rows add up to its occurrence and occurrences to the campaign without
 * another query.
 */
import { redeemedValueCents } from '@huitou/core';
import type { Offer } from '@huitou/core';
import type { ArmStatsRow } from './arm-stats.ts';
import type { RedemptionRow } from './redemptions.ts';

export interface ArmTally {
  customers: number;
  sent: number;
  failed: number;
  pending: number;
  dropped: number;
  conversions: number;
  orders: number;
  revenueCents: number;
  revenueSquares: number;
  costCents: number;
  openWindows: number;
}

export interface RedemptionTally {
  orders: number;
  byRecipient: number;
  outsideWindow: number;
  revenueCents: number;
  couponCents: number;
  /** Coupon value on orders already in the treated group's window revenue (for the margin). */
  inWindowCouponCents: number;
  /** Revenue of redeeming orders not in the window revenue (for attributed revenue). */
  outsideRevenueCents: number;
}

export interface LevelTally {
  readonly treated: ArmTally;
  readonly holdout: ArmTally;
  readonly redemptions: RedemptionTally;
  fromMs: number;
  toMs: number;
}

export const emptyArm = (): ArmTally => ({ customers: 0, sent: 0, failed: 0, pending: 0, dropped: 0, conversions: 0, orders: 0, revenueCents: 0, revenueSquares: 0, costCents: 0, openWindows: 0 });

export const emptyLevel = (): LevelTally => ({
  treated: emptyArm(),
  holdout: emptyArm(),
  redemptions: { orders: 0, byRecipient: 0, outsideWindow: 0, revenueCents: 0, couponCents: 0, inWindowCouponCents: 0, outsideRevenueCents: 0 },
  fromMs: Number.POSITIVE_INFINITY,
  toMs: Number.NEGATIVE_INFINITY,
});

const ARM_KEYS = ['customers', 'sent', 'failed', 'pending', 'dropped', 'conversions', 'orders', 'revenueCents', 'revenueSquares', 'costCents', 'openWindows'] as const;

export function addStats(level: LevelTally, row: ArmStatsRow): void {
  const arm = row.arm === 'holdout' ? level.holdout : level.treated;
  for (const k of ARM_KEYS) arm[k] += row[k];
  level.fromMs = Math.min(level.fromMs, row.fromMs);
  level.toMs = Math.max(level.toMs, row.toMs);
}

export function addRedemption(level: LevelTally, row: RedemptionRow, offer: Offer | null): void {
  const r = level.redemptions;
  const value = offer === null ? 0 : redeemedValueCents(offer, row);
  r.orders++;
  if (row.byRecipient) r.byRecipient++;
  if (!row.inWindow) {
    r.outsideWindow++;
    r.outsideRevenueCents += row.paidCents;
  } else r.inWindowCouponCents += value;
  r.revenueCents += row.paidCents;
  r.couponCents += value;
}

/** Adds `from` into `into` (variants into an occurrence, occurrences into a campaign). */
export function addLevel(into: LevelTally, from: LevelTally): void {
  for (const k of ARM_KEYS) {
    into.treated[k] += from.treated[k];
    into.holdout[k] += from.holdout[k];
  }
  const a = into.redemptions;
  const b = from.redemptions;
  a.orders += b.orders;
  a.byRecipient += b.byRecipient;
  a.outsideWindow += b.outsideWindow;
  a.revenueCents += b.revenueCents;
  a.couponCents += b.couponCents;
  a.inWindowCouponCents += b.inWindowCouponCents;
  a.outsideRevenueCents += b.outsideRevenueCents;
  into.fromMs = Math.min(into.fromMs, from.fromMs);
  into.toMs = Math.max(into.toMs, from.toMs);
}
