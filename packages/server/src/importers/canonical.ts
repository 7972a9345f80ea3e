/**
 * The canonical records every format maps onto. Money is in cents (integers), times are epoch milliseconds
 * (instants: naive shop-local times are converted with the shop's time zone before they land here).
 */
import type { OrderStatus } from '@huitou/core';

export { ORDER_STATUSES, VALID_ORDER_STATUSES } from '@huitou/core';
export type { OrderStatus } from '@huitou/core';

/** How the buyer key was chosen, in order of preference (formats doc §10). */
export type BuyerKeyKind = 'platform_id' | 'email' | 'phone' | 'address' | 'anonymous';

export interface BuyerKey {
  readonly kind: BuyerKeyKind;
  /** Stable, normalised value; never a masked phone. */
  readonly value: string;
}

export interface CanonicalContact {
  readonly name: string | null;
  /** Full phone, only when unmasked. */
  readonly phone: string | null;
  /** Masked phone (138****1234) kept for display only. */
  readonly phoneMasked: string | null;
  readonly email: string | null;
  readonly province: string | null;
  readonly city: string | null;
  readonly district: string | null;
  /** YYYY-MM-DD */
  readonly birthday: string | null;
}

export interface CanonicalOrder {
  readonly orderNo: string;
  /** Physical line of the row that started this order. */
  readonly line: number;
  readonly buyer: BuyerKey;
  /** Display name for the buyer key (e.g. the Taobao nick), if any. */
  readonly buyerNick: string | null;
  readonly contact: CanonicalContact;
  readonly orderTime: number;
  readonly paidTime: number | null;
  readonly status: OrderStatus;
  /** The platform's own status text, trimmed. */
  readonly rawStatus: string;
  /** Amount the buyer paid, in cents. When null the amount is computed from the lines. */
  readonly amountCents: number | null;
  readonly refundCents: number;
  readonly discountCents: number | null;
  readonly shippingCents: number | null;
  readonly couponCode: string | null;
  readonly itemCount: number | null;
  /** Titles from the order row, when the format has no line file (joined text). */
  readonly titles: string | null;
}

export interface CanonicalLine {
  readonly orderNo: string;
  readonly line: number;
  /** Platform line id (Taobao 子订单编号), if any. */
  readonly lineId: string | null;
  readonly sku: string | null;
  readonly title: string | null;
  readonly quantity: number;
  readonly unitPriceCents: number | null;
  /** Line amount paid, in cents, when the format gives it. */
  readonly amountCents: number | null;
  readonly refundCents: number;
  readonly status: OrderStatus | null;
}

/** A customer record from a customer export (Shopify customers). */
export interface CanonicalCustomer {
  readonly line: number;
  readonly buyer: BuyerKey;
  readonly contact: CanonicalContact;
  readonly acceptsEmailMarketing: boolean | null;
  readonly acceptsSmsMarketing: boolean | null;
  readonly tags: string | null;
}

/** Receiver details for an order, from a separate sheet (千牛 发货报表); joined to orders on orderNo. */
export interface CanonicalOrderContact {
  readonly orderNo: string;
  readonly line: number;
  readonly contact: CanonicalContact;
}
