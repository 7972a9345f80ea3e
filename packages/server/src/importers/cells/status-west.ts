/**
 * Status mapping for the Western formats (Shopify, WooCommerce), UCI and the canonical CSV.
 */
import type { OrderStatus } from '../canonical.ts';
import { ORDER_STATUSES } from '../canonical.ts';
import { known, lookupStatus, statusTable } from './status.ts';
import type { StatusResult } from './status.ts';

/**
 * Shopify: Financial Status, refined by Fulfillment Status for paid orders (fulfilled -> completed,
 * partial -> shipped) and overridden by a non-empty `Cancelled at` (-> cancelled, unless refunded).
 * `authorized` counts as paid (Shopify reports it as a sale); `expired` is closed_unpaid, `voided`
 * cancelled.
 */
export function shopifyStatus(financial: string, fulfillment: string, cancelledAt: string): StatusResult {
  const f = financial.trim().toLowerCase();
  let r: StatusResult;
  switch (f) {
    case 'pending':
      r = known('unpaid');
      break;
    case 'authorized':
    case 'partially_paid':
    case 'paid': {
      const ful = fulfillment.trim().toLowerCase();
      r = known(ful === 'fulfilled' ? 'completed' : ful === 'partial' ? 'shipped' : 'paid');
      break;
    }
    case 'partially_refunded':
      r = known('partially_refunded');
      break;
    case 'refunded':
      r = known('refunded');
      break;
    case 'voided':
      r = known('cancelled');
      break;
    case 'expired':
      r = known('closed_unpaid');
      break;
    default:
      r = { status: 'unknown', known: false };
  }
  if (cancelledAt.trim() !== '' && r.status !== 'refunded') return known('cancelled');
  return r;
}

const WOO = statusTable({
  pending: 'unpaid',
  'on-hold': 'unpaid',
  'checkout-draft': 'unpaid',
  processing: 'paid',
  completed: 'completed',
  cancelled: 'cancelled',
  refunded: 'refunded',
  failed: 'closed_unpaid',
});

/** WooCommerce order status, with or without the `wc-` prefix. Custom statuses are unknown. */
export function wooStatus(text: string): StatusResult {
  const t = text.trim().toLowerCase();
  return lookupStatus(WOO, t.startsWith('wc-') ? t.slice(3) : t);
}

/** UCI: a C-invoice is a cancellation (money returned) -> refunded; every other invoice is completed. */
export function uciStatus(invoice: string): OrderStatus {
  const c = invoice.charCodeAt(0);
  return c === 0x43 || c === 0x63 ? 'refunded' : 'completed';
}

const CANONICAL_WORDS = statusTable({
  ...Object.fromEntries(ORDER_STATUSES.map((s) => [s, s])),
  'closed-unpaid': 'closed_unpaid',
  'partially-refunded': 'partially_refunded',
  pending: 'unpaid',
  processing: 'paid',
  fulfilled: 'shipped',
  complete: 'completed',
  canceled: 'cancelled',
  deleted: 'cancelled',
  void: 'cancelled',
  voided: 'cancelled',
  refund: 'refunded',
});

/** Canonical CSV `status`: the canonical words (or a few synonyms); empty means completed. */
export function canonicalStatus(text: string): StatusResult {
  if (text.trim() === '') return known('completed');
  return lookupStatus(CANONICAL_WORDS, text.trim().toLowerCase());
}
