/**
 * One aggregate per (campaign, occurrence, group, channel, variant): customers, delivery states,
 * conversions, orders, and per-customer revenue as Σ and Σ² (what the intervals need), message cost and open
 * windows. Orders: valid statuses only (a refunded or cancelled order does not count; a partly refunded one
 * counts what was kept), placed in the customer's window. An order inside two windows of the same campaign
 * (a recurring campaign's overlapping occurrences) counts once, for the latest touch before it.
 */
import { validStatusSqlList } from '@huitou/core';
import type { Db } from '../../store/database.ts';
import { resultTouchesCte } from './result-touches-sql.ts';
import type { WindowScope } from './result-touches-sql.ts';

export interface ArmStatsRow {
  readonly campaignId: number;
  readonly occurrenceId: number;
  readonly arm: 'treated' | 'holdout';
  readonly channel: string;
  readonly variant: string;
  readonly customers: number;
  readonly sent: number;
  readonly failed: number;
  readonly pending: number;
  readonly dropped: number;
  readonly conversions: number;
  readonly orders: number;
  readonly revenueCents: number;
  readonly revenueSquares: number;
  readonly costCents: number;
  readonly openWindows: number;
  readonly fromMs: number;
  readonly toMs: number;
}

const n = (expr: string) => `CAST(${expr} AS DOUBLE PRECISION)`;

export async function armStats(db: Db, shopId: number, scope: readonly WindowScope[], nowMs: number): Promise<ArmStatsRow[]> {
  if (scope.length === 0) return [];
  const cte = resultTouchesCte(scope, 3);
  const rows = await db.all(
    `${cte.sql},
    span AS (SELECT min(ref) AS first_ref, max(until) AS last_until FROM rt),
    -- Only orders inside some window can match: a shop's years of history never reach the join.
    recent AS (
      SELECT o.customer_id, o.platform, o.order_no, o.order_time, CAST(round((o.amount - o.refund) * 100) AS DOUBLE PRECISION) AS net_cents
      FROM orders o, span
      WHERE o.shop_id = $1 AND o.status IN (${validStatusSqlList()}) AND o.order_time >= span.first_ref AND o.order_time < span.last_until
    ),
    hits AS (
      SELECT rt.touch_id, o.net_cents,
        row_number() OVER (PARTITION BY rt.campaign_id, o.platform, o.order_no ORDER BY rt.ref DESC, rt.touch_id DESC) AS pick
      FROM rt JOIN recent o ON o.customer_id = rt.customer_id AND o.order_time >= rt.ref AND o.order_time < rt.until
    ),
    per AS (SELECT touch_id, count(*) AS orders, sum(net_cents) AS net_cents FROM hits WHERE pick = 1 GROUP BY touch_id)
    SELECT rt.campaign_id, rt.occurrence_id, rt.arm, rt.channel, rt.variant,
      ${n('count(*)')} AS customers,
      ${n(`sum(CASE WHEN rt.status = 'sent' THEN 1 ELSE 0 END)`)} AS sent,
      ${n(`sum(CASE WHEN rt.status = 'dead' THEN 1 ELSE 0 END)`)} AS failed,
      ${n(`sum(CASE WHEN rt.status IN ('queued', 'sending') THEN 1 ELSE 0 END)`)} AS pending,
      ${n(`sum(CASE WHEN rt.status IN ('skipped', 'cancelled') THEN 1 ELSE 0 END)`)} AS dropped,
      ${n('sum(CASE WHEN per.orders > 0 THEN 1 ELSE 0 END)')} AS conversions,
      ${n('coalesce(sum(per.orders), 0)')} AS orders,
      ${n('coalesce(sum(per.net_cents), 0)')} AS revenue_cents,
      ${n('coalesce(sum(per.net_cents * per.net_cents), 0)')} AS revenue_squares,
      ${n('sum(rt.cost_cents)')} AS cost_cents,
      ${n('sum(CASE WHEN rt.until > to_timestamp($2 / 1000.0) THEN 1 ELSE 0 END)')} AS open_windows,
      ${n('extract(epoch FROM min(rt.ref)) * 1000')} AS from_ms,
      ${n('extract(epoch FROM max(rt.until)) * 1000')} AS to_ms
    FROM rt LEFT JOIN per ON per.touch_id = rt.touch_id
    GROUP BY rt.campaign_id, rt.occurrence_id, rt.arm, rt.channel, rt.variant
    ORDER BY rt.campaign_id, rt.occurrence_id, rt.arm, rt.channel, rt.variant`,
    [shopId, nowMs, ...cte.params],
  );
  return rows.map((r) => ({
    campaignId: Number(r['campaign_id']),
    occurrenceId: Number(r['occurrence_id']),
    arm: r['arm'] === 'holdout' ? 'holdout' : 'treated',
    channel: String(r['channel']),
    variant: String(r['variant']),
    customers: Number(r['customers']),
    sent: Number(r['sent']),
    failed: Number(r['failed']),
    pending: Number(r['pending']),
    dropped: Number(r['dropped']),
    conversions: Number(r['conversions']),
    orders: Number(r['orders']),
    revenueCents: Number(r['revenue_cents']),
    revenueSquares: Number(r['revenue_squares']),
    costCents: Number(r['cost_cents']),
    openWindows: Number(r['open_windows']),
    fromMs: Number(r['from_ms']),
    toMs: Number(r['to_ms']),
  }));
}
