/**
 * What a redeemed coupon took off an order, from the order as exported: its paid amount (after discounts),
 * the discount column when the platform fills it, and shipping. A redemption proves the platform accepted
 * the coupon, so a 满X减Y threshold was met even when the export does not show the pre-discount basket.
 */
import { percentOff } from './offers.ts';
import type { Offer } from './offers.ts';

export interface RedeemedOrder {
  /** What the customer paid, in cents (after discounts). */
  readonly paidCents: number;
  /** The order's recorded discount in cents, or null when the export has none. */
  readonly discountCents: number | null;
  readonly shippingCents: number | null;
}

/** The coupon's value on the order, in cents (≥ 0). */
export function redeemedValueCents(offer: Offer, order: RedeemedOrder): number {
  switch (offer.kind) {
    case 'threshold':
      return offer.amountCents;
    case 'no_threshold':
      // Capped by the basket: a recorded discount below the amount shows the coupon was cut to the basket.
      return order.discountCents !== null && order.discountCents > 0 ? Math.min(offer.amountCents, order.discountCents) : offer.amountCents;
    case 'discount': {
      // The basket before the discount: paid + recorded discount, else paid scaled back up by the 折.
      const basket = order.discountCents !== null && order.discountCents > 0 ? order.paidCents + order.discountCents : order.paidCents / (offer.zhe / 10);
      const off = Math.round((basket * percentOff(offer.zhe)) / 100);
      return Math.max(0, offer.capCents === undefined ? off : Math.min(off, offer.capCents));
    }
    case 'free_shipping':
      return Math.max(0, order.shippingCents ?? 0);
  }
}
