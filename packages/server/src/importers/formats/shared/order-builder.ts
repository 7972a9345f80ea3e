/**
 * Defaults for canonical records, so each format only spells out what it knows.
 */
import type { BuyerKey, CanonicalContact, CanonicalLine, CanonicalOrder, OrderStatus } from '../../canonical.ts';
import { EMPTY_CONTACT } from './contact.ts';

/** Required parts of an order; the rest default to null / 0. */
export interface OrderCore {
  readonly orderNo: string;
  readonly line: number;
  readonly buyer: BuyerKey;
  readonly orderTime: number;
  readonly status: OrderStatus;
  readonly rawStatus: string;
}

/**
 * Builds an order from its required parts plus any known optional fields. Properties are listed one by one:
 * `{ ...core, more }` takes a slow path in V8 (about 20× slower), and this runs once per imported order.
 */
export function makeOrder(core: OrderCore, rest: Partial<Omit<CanonicalOrder, keyof OrderCore>> = {}): CanonicalOrder {
  return {
    orderNo: core.orderNo,
    line: core.line,
    buyer: core.buyer,
    orderTime: core.orderTime,
    status: core.status,
    rawStatus: core.rawStatus,
    buyerNick: rest.buyerNick ?? null,
    contact: rest.contact ?? EMPTY_CONTACT,
    paidTime: rest.paidTime ?? null,
    amountCents: rest.amountCents ?? null,
    refundCents: rest.refundCents ?? 0,
    discountCents: rest.discountCents ?? null,
    shippingCents: rest.shippingCents ?? null,
    couponCode: rest.couponCode ?? null,
    itemCount: rest.itemCount ?? null,
    titles: rest.titles ?? null,
  };
}

/** Builds a line; absent optional fields default to null / 0. */
export function makeLine(
  core: { readonly orderNo: string; readonly line: number; readonly quantity: number },
  rest: Partial<Omit<CanonicalLine, 'orderNo' | 'line' | 'quantity'>> = {},
): CanonicalLine {
  return {
    orderNo: core.orderNo,
    line: core.line,
    quantity: core.quantity,
    lineId: rest.lineId ?? null,
    sku: rest.sku ?? null,
    title: rest.title ?? null,
    unitPriceCents: rest.unitPriceCents ?? null,
    amountCents: rest.amountCents ?? null,
    refundCents: rest.refundCents ?? 0,
    status: rest.status ?? null,
  };
}

/** Empty string -> null. */
export function nz(s: string): string | null {
  return s === '' ? null : s;
}

/** A contact, re-exported for formats that build their own. */
export type { CanonicalContact };
