/**
 * Offers a campaign can carry: 满X减Y, a discount in 折, a free-shipping card valid N months, a
 * no-threshold coupon. Amounts are integer cents of the shop's currency; labels show yuan-style
 * amounts (`满150减20`) with a configurable symbol in English (`¥20 off orders of ¥150+`).
 */
import { addMonths } from './days.ts';

/** 满X减Y: `amountCents` off an order of at least `thresholdCents`, valid `validDays` days. */
export interface ThresholdOffer {
  readonly kind: 'threshold';
  readonly thresholdCents: number;
  readonly amountCents: number;
  readonly validDays: number;
}

/** X折: pay `zhe` tenths of the price (9 = 10 % off, 8.5 = 15 % off), optionally capped. */
export interface DiscountOffer {
  readonly kind: 'discount';
  readonly zhe: number;
  readonly capCents?: number;
  readonly validDays: number;
}

/** 包邮卡: free shipping on every order for `months` calendar months. */
export interface FreeShippingOffer {
  readonly kind: 'free_shipping';
  readonly months: number;
}

/** 无门槛券: `amountCents` off any order. */
export interface NoThresholdOffer {
  readonly kind: 'no_threshold';
  readonly amountCents: number;
  readonly validDays: number;
}

/** Any offer. */
export type Offer = ThresholdOffer | DiscountOffer | FreeShippingOffer | NoThresholdOffer;

/** Why an offer is invalid; `path` names the field. */
export interface OfferIssue {
  readonly code: 'not_whole_cents' | 'not_positive' | 'amount_not_below_threshold' | 'discount_out_of_range' | 'discount_precision' | 'bad_validity';
  readonly path: string;
  readonly message: string;
  readonly messageZh: string;
}

const isPositiveInt = (x: number): boolean => Number.isInteger(x) && x > 0;

function money(issues: OfferIssue[], path: string, cents: number): void {
  if (!Number.isInteger(cents)) issues.push({ code: 'not_whole_cents', path, message: `${path} must be whole cents`, messageZh: `${path} 必须是整数（分）` });
  else if (cents <= 0) issues.push({ code: 'not_positive', path, message: `${path} must be positive`, messageZh: `${path} 必须大于 0` });
}

function validity(issues: OfferIssue[], path: string, n: number, max: number): void {
  if (!isPositiveInt(n) || n > max) issues.push({ code: 'bad_validity', path, message: `${path} must be a whole number 1–${max}`, messageZh: `${path} 必须是 1–${max} 的整数` });
}

/** Checks an offer; an empty list means valid. */
export function validateOffer(offer: Offer): OfferIssue[] {
  const issues: OfferIssue[] = [];
  switch (offer.kind) {
    case 'threshold':
      money(issues, 'thresholdCents', offer.thresholdCents);
      money(issues, 'amountCents', offer.amountCents);
      if (issues.length === 0 && offer.amountCents >= offer.thresholdCents) {
        issues.push({ code: 'amount_not_below_threshold', path: 'amountCents', message: 'the amount off must be below the threshold', messageZh: '减免金额必须小于门槛金额' });
      }
      validity(issues, 'validDays', offer.validDays, 366);
      break;
    case 'discount':
      if (!(offer.zhe > 0 && offer.zhe < 10)) {
        issues.push({ code: 'discount_out_of_range', path: 'zhe', message: 'the discount must be between 0 and 10 折 (exclusive)', messageZh: '折扣必须在 0 到 10 折之间（不含）' });
      } else if (Math.abs(offer.zhe * 10 - Math.round(offer.zhe * 10)) > 1e-9) {
        issues.push({ code: 'discount_precision', path: 'zhe', message: 'use at most one decimal (8.5折)', messageZh: '折扣最多保留一位小数（如 8.5折）' });
      }
      if (offer.capCents !== undefined) money(issues, 'capCents', offer.capCents);
      validity(issues, 'validDays', offer.validDays, 366);
      break;
    case 'free_shipping':
      validity(issues, 'months', offer.months, 24);
      break;
    case 'no_threshold':
      money(issues, 'amountCents', offer.amountCents);
      validity(issues, 'validDays', offer.validDays, 366);
      break;
  }
  return issues;
}

/** Cents as a yuan-style amount without trailing zeros: 15000 → `150`, 14990 → `149.9`. */
export function formatAmount(cents: number): string {
  return (cents / 100).toFixed(2).replace(/\.?0+$/, '');
}

/** Percent off of a 折 value: 9 → 10, 8.5 → 15. */
export function percentOff(zhe: number): number {
  return Math.round((10 - zhe) * 100) / 10;
}

/** Options for `offerLabel`. */
export interface LabelOptions {
  /** Currency symbol for the English label (default `¥`). */
  readonly currencySymbol?: string;
}

/** Short labels: `满150减20` / `¥20 off orders of ¥150+`, `9折` / `10% off`, `包邮卡（3个月）`, `无门槛券 10元`. */
export function offerLabel(offer: Offer, options: LabelOptions = {}): { readonly zh: string; readonly en: string } {
  const s = options.currencySymbol ?? '¥';
  switch (offer.kind) {
    case 'threshold':
      return { zh: `满${formatAmount(offer.thresholdCents)}减${formatAmount(offer.amountCents)}`, en: `${s}${formatAmount(offer.amountCents)} off orders of ${s}${formatAmount(offer.thresholdCents)}+` };
    case 'discount': {
      const cap = offer.capCents;
      return {
        zh: `${offer.zhe}折${cap === undefined ? '' : `（最高减${formatAmount(cap)}元）`}`,
        en: `${percentOff(offer.zhe)}% off${cap === undefined ? '' : ` (up to ${s}${formatAmount(cap)})`}`,
      };
    }
    case 'free_shipping':
      return { zh: `包邮卡（${offer.months}个月）`, en: `Free-shipping card (${offer.months} month${offer.months === 1 ? '' : 's'})` };
    case 'no_threshold':
      return { zh: `无门槛券 ${formatAmount(offer.amountCents)}元`, en: `${s}${formatAmount(offer.amountCents)} coupon, no minimum spend` };
  }
}

/**
 * Validity window from the send day, inclusive: coupons `sendDay … sendDay + validDays − 1`; a
 * free-shipping card of N months runs through the day before the same day N months later, or
 * through the last day of that month when it is too short (sent 01-31, 1 month → through 02-28).
 */
export function validityWindow(offer: Offer, sendDay: number): { readonly fromDay: number; readonly toDay: number } {
  if (offer.kind !== 'free_shipping') return { fromDay: sendDay, toDay: sendDay + offer.validDays - 1 };
  const end = addMonths(sendDay, offer.months);
  return { fromDay: sendDay, toDay: end.clamped ? end.day : end.day - 1 };
}

/**
 * What the offer takes off a basket of `basketCents` (0 when the basket misses the threshold); a
 * free-shipping card is worth `shippingCents`.
 */
export function offerValueCents(offer: Offer, basketCents: number, shippingCents = 0): number {
  switch (offer.kind) {
    case 'threshold':
      return basketCents >= offer.thresholdCents ? offer.amountCents : 0;
    case 'discount': {
      const off = Math.round((basketCents * percentOff(offer.zhe)) / 100);
      return offer.capCents === undefined ? off : Math.min(off, offer.capCents);
    }
    case 'free_shipping':
      return shippingCents;
    case 'no_threshold':
      return Math.min(offer.amountCents, basketCents);
  }
}
