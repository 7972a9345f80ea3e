/**
 * Coupon redemptions: valid orders whose coupon/discount code is one a treated touch of the campaign carried
 * (codes are compared normalised: upper case, no spaces or hyphens, as `normalizeCouponCode` in core). The
 * code is direct evidence, so a redemption counts for the campaign whoever placed the order and whenever —
 * outside the window, or by someone the code was passed on to. One row per redeeming order.
 */
import { validStatusSqlList } from '@huitou/core';
import type { Db } from '../../store/database.ts';
import { resultTouchesCte } from './result-touches-sql.ts';
import type { WindowScope } from './result-touches-sql.ts';

export interface RedemptionRow {
  readonly campaignId: number;
  readonly occurrenceId: number;
  readonly channel: string;
  readonly variant: string;
  /** Placed by the customer the code was sent to. */
  readonly byRecipient: boolean;
  /** By the recipient inside their attribution window (so already in the treated group's window revenue). */
  readonly inWindow: boolean;
  readonly paidCents: number;
  readonly discountCents: number | null;
  readonly shippingCents: number | null;
}

export async function redemptions(db: Db, shopId: number, scope: readonly WindowScope[]): Promise<RedemptionRow[]> {
  if (scope.length === 0) return [];
  const cte = resultTouchesCte(scope, 2);
  const rows = await db.all(
    `${cte.sql}
    SELECT rt.campaign_id, rt.occurrence_id, rt.channel, rt.variant,
      CASE WHEN o.customer_id = rt.customer_id THEN 1 ELSE 0 END AS by_recipient,
      CASE WHEN o.customer_id = rt.customer_id AND o.order_time >= rt.ref AND o.order_time < rt.until THEN 1 ELSE 0 END AS in_window,
      CAST(round((o.amount - o.refund) * 100) AS DOUBLE PRECISION) AS paid_cents,
      CAST(round(o.discount * 100) AS DOUBLE PRECISION) AS discount_cents,
      CAST(round(o.shipping * 100) AS DOUBLE PRECISION) AS shipping_cents
    FROM rt JOIN orders o ON o.shop_id = $1 AND upper(replace(replace(o.coupon_code, '-', ''), ' ', '')) = rt.offer_code
    WHERE rt.arm = 'treated' AND rt.offer_code IS NOT NULL AND o.coupon_code IS NOT NULL AND o.status IN (${validStatusSqlList()})
    ORDER BY o.platform, o.order_no`,
    [shopId, ...cte.params],
  );
  return rows.map((r) => ({
    campaignId: Number(r['campaign_id']),
    occurrenceId: Number(r['occurrence_id']),
    channel: String(r['channel']),
    variant: String(r['variant']),
    byRecipient: Number(r['by_recipient']) === 1,
    inWindow: Number(r['in_window']) === 1,
    paidCents: Number(r['paid_cents']),
    discountCents: r['discount_cents'] === null ? null : Number(r['discount_cents']),
    shippingCents: r['shipping_cents'] === null ? null : Number(r['shipping_cents']),
  }));
}
