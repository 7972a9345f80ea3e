/**
 * Coupon redemptions: valid orders whose coupon/discount code is one a treated touch of the campaign carried
 * (codes are compared normalised: upper case, no spaces or hyphens, as `normalizeCouponCode` in core). The
 * code is direct evidence, so a redemption counts for the campaign whoever placed the order and whenever —
 * outside the window, or by someone the code was passed on to. One row per redeeming order.
 */
import { validStatusSqlList } from '@huitou/core';
import type { Db } from '../../store/database.ts';
import { REF, scopeValues } from './result-touches-sql.ts';
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
  /** The offer the coupon was issued under (touches.offer, JSON); null for coupons from before it was recorded. */
  readonly offer: string | null;
}

export async function redemptions(db: Db, shopId: number, scope: readonly WindowScope[]): Promise<RedemptionRow[]> {
  if (scope.length === 0) return [];
  const values = scopeValues(scope, 2);
  // Orders with a code first (few), then the touches carrying that code: ref and until only for matches.
  const rows = await db.all(
    `WITH scope (campaign_id, window_days) AS (VALUES ${values.sql}),
    coded AS (
      SELECT o.customer_id, o.order_time, upper(replace(replace(o.coupon_code, '-', ''), ' ', '')) AS code,
        CAST(round((o.amount - o.refund) * 100) AS DOUBLE PRECISION) AS paid_cents,
        CAST(round(o.discount * 100) AS DOUBLE PRECISION) AS discount_cents,
        CAST(round(o.shipping * 100) AS DOUBLE PRECISION) AS shipping_cents,
        o.platform, o.order_no
      FROM orders o WHERE o.shop_id = $1 AND o.coupon_code IS NOT NULL AND o.status IN (${validStatusSqlList()})
    ),
    matched AS (
      SELECT t.campaign_id, t.occurrence_id, t.channel, coalesce(t.variant, '') AS variant, t.customer_id AS recipient, t.offer, c.*,
        ${REF} AS ref, to_timestamp(extract(epoch FROM ${REF}) + s.window_days * 86400) AS until
      FROM coded c JOIN touches t ON t.offer_code = c.code AND t.shop_id = $1 AND t.status <> 'holdout' AND t.body IS NOT NULL
      JOIN scope s ON s.campaign_id = t.campaign_id
    )
    SELECT campaign_id, occurrence_id, channel, variant,
      CASE WHEN customer_id = recipient THEN 1 ELSE 0 END AS by_recipient,
      CASE WHEN customer_id = recipient AND order_time >= ref AND order_time < until THEN 1 ELSE 0 END AS in_window,
      paid_cents, discount_cents, shipping_cents, offer
    FROM matched ORDER BY platform, order_no`,
    [shopId, ...values.params],
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
    offer: typeof r['offer'] === 'string' ? r['offer'] : null,
  }));
}
