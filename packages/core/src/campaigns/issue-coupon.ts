import { couponCode, formatCouponCode, type CouponCodeInput } from './coupon-code.ts';
import { offerLabel, validateOffer, validityWindow, type LabelOptions, type Offer } from './offers.ts';

/** A coupon issued to one recipient. */
export interface IssuedCoupon {
  readonly code: string;
  /** `XXXX-XXXX-XXXX`. */
  readonly display: string;
  /** Inclusive shop-local day numbers. */
  readonly fromDay: number;
  readonly toDay: number;
  readonly label: { readonly zh: string; readonly en: string };
}

/**
 * The recipient's code, validity window from `sendDay` and labels. Deterministic: the same input
 * gives the same coupon. Throws RangeError when the offer is invalid (`validateOffer`).
 */
export function issueCoupon(offer: Offer, sendDay: number, input: CouponCodeInput, options: LabelOptions = {}): IssuedCoupon {
  const issues = validateOffer(offer);
  if (issues.length > 0) throw new RangeError(`invalid offer: ${issues.map((i) => i.message).join('; ')}`);
  const code = couponCode(input);
  const window = validityWindow(offer, sendDay);
  return { code, display: formatCouponCode(code), fromDay: window.fromDay, toDay: window.toDay, label: offerLabel(offer, options) };
}
