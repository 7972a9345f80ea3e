/**
 * What `campaignResults` returns: plain JSON-serialisable data (numbers, strings, null; times as ISO text;
 * money in yuan rounded to 2 decimals; rates as fractions). Per campaign → per occurrence → per channel and
 * variant, each level comparing the treated group with the holdout. The HTTP API returns it as it is.
 */
import type { NoUpliftReason } from '@huitou/core';

/** An estimate with its 95 % interval. */
export interface IntervalEstimate {
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
}

/** One group of customers (one touch each per occurrence). */
export interface ArmResult {
  /** Customers in the group (reach). Treated counts every touch planning queued (intent to treat). */
  readonly customers: number;
  /** Treated only: messages sent, failed for good (dead), still queued or sending, and queued but later dropped. */
  readonly sent: number;
  readonly failed: number;
  readonly pending: number;
  readonly dropped: number;
  /** Customers with at least one valid order in their attribution window. */
  readonly conversions: number;
  /** conversions / customers; null with no customers. */
  readonly conversionRate: number | null;
  /** Valid orders in the windows and what customers paid for them (net of refunds), in yuan. */
  readonly orders: number;
  readonly revenue: number;
  readonly revenuePerCustomer: number | null;
  /** Customers whose window has not closed yet (at `computedAt`): more orders may still count. */
  readonly openWindows: number;
}

/** Orders that redeemed a coupon code this campaign issued, whoever placed them and whenever. */
export interface RedemptionResult {
  readonly orders: number;
  /** Placed by the customer the code was sent to, or by someone else (a shared code). */
  readonly byRecipient: number;
  readonly byOthers: number;
  /** Outside the recipient's attribution window (attributed all the same: the code proves it). */
  readonly outsideWindow: number;
  /** What those orders paid, in yuan. */
  readonly revenue: number;
  /** What the coupons took off those orders (the offer each was issued under, applied to the order), in yuan. */
  readonly couponCost: number;
}

export interface UpliftResult {
  readonly treatedRate: number;
  readonly holdoutRate: number;
  /** Conversion rate difference, treated − holdout (fraction), Newcombe method 10. */
  readonly absolute: IntervalEstimate;
  /** treated rate / holdout rate − 1, Katz log interval; null when either group has no conversion. */
  readonly relative: IntervalEstimate | null;
  /** Revenue per customer, treated − holdout, in yuan, Welch; null when a group has fewer than 2 customers. */
  readonly revenuePerCustomer: (IntervalEstimate & { readonly df: number }) | null;
}

/** Treated against holdout at one level (campaign total, occurrence, or variant). */
export interface Comparison {
  readonly treated: ArmResult;
  readonly holdout: ArmResult;
  readonly redemptions: RedemptionResult;
  /** Treated window revenue plus redeemed-coupon orders not already in it, in yuan (not incremental). */
  readonly attributedRevenue: number;
  readonly uplift: UpliftResult | null;
  /** Why `uplift` is null: no_holdout (holdout 0 or nobody held out) or no_treated. */
  readonly upliftUnavailable: NoUpliftReason | null;
  readonly incremental: {
    /** Treated customers × the rate difference: extra converting customers. */
    readonly conversions: number | null;
    /** Treated customers × the revenue-per-customer difference, with its interval, in yuan. */
    readonly revenue: IntervalEstimate | null;
    /** grossMargin × (incremental revenue + coupon value on the treated group's window orders), in yuan. */
    readonly margin: number | null;
  };
  /** Messages (what the providers charged) plus redeemed coupons, in yuan. */
  readonly cost: { readonly messages: number; readonly coupons: number; readonly total: number };
  /** (incremental margin − cost) / cost; null when there is no uplift or no cost. */
  readonly roi: number | null;
  readonly roiUnavailable: 'no_uplift' | 'no_cost' | null;
}

export interface VariantResult {
  readonly channel: string;
  readonly variant: string;
  /** This variant's treated customers against the occurrence's whole holdout. */
  readonly comparison: Comparison;
}

export interface OccurrenceResult {
  readonly key: string;
  readonly plannedAt: string;
  /** Earliest window start and latest window end among its touches (null without touches). */
  readonly windowFrom: string | null;
  readonly windowTo: string | null;
  readonly totals: Comparison;
  readonly variants: readonly VariantResult[];
}

export interface CampaignResult {
  readonly key: string;
  readonly name: string;
  readonly kind: 'care' | 'marketing';
  readonly holdoutShare: number;
  /** The attribution window used for this campaign, in days. */
  readonly windowDays: number;
  /** Occurrences pooled: customer-occurrences are the units. */
  readonly totals: Comparison;
  readonly occurrences: readonly OccurrenceResult[];
}

export interface CampaignResults {
  readonly shopId: number;
  readonly computedAt: string;
  readonly currency: 'CNY';
  /** The gross-margin share used for incremental margin and ROI. */
  readonly grossMargin: number;
  /** The window every campaign used when one was given; null when each used its own (see windowDays). */
  readonly windowDaysOverride: number | null;
  /** How each figure is computed, in words, so a reader of the JSON need not guess. */
  readonly methods: Readonly<Record<'groups' | 'window' | 'coupons' | 'absoluteUplift' | 'relativeUplift' | 'revenuePerCustomer' | 'margin' | 'roi', string>>;
  readonly campaigns: readonly CampaignResult[];
}
