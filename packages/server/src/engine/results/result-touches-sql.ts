/**
 * The touches results are computed from, as a common table expression `rt` shared by the queries:
 *
 * - groups: holdout touches, and treated touches = every touch planning queued (it wrote a rendered body for
 *   exactly those), whatever happened next — sent, failed for good, still queued, or dropped by the sender or
 *   displaced by a higher-priority campaign. Intent to treat: dropping failures would compare the customers
 *   who were reachable with a holdout that includes unreachable ones. Touches planning skipped are in
 *   neither group (the holdout is drawn only from customers who would have been queued).
 * - window: [ref, ref + windowDays × 24 h), ref = when the message went out (sent_at), else when it was due
 *   (not_before) — for holdout, the time its message would have gone out, quiet hours included. The end is
 *   computed through epoch seconds: TIMESTAMPTZ + INTERVAL 'n day' is calendar arithmetic in the session's
 *   zone, 10× slower in DuckDB (0.6 s per million touches) and off by an hour across a DST change.
 *
 * Plain SQL that PostgreSQL accepts too; the per-campaign windows are bound parameters.
 */
import type { SqlValue } from '../../store/database.ts';

export interface WindowScope {
  readonly campaignId: number;
  readonly windowDays: number;
}

/** A touch's reference time: sent, else due. */
export const REF = 'coalesce(t.sent_at, t.not_before)';

/** The campaigns' windows as a VALUES list of bound parameters numbered from `firstParam`. */
export function scopeValues(scope: readonly WindowScope[], firstParam: number): { sql: string; params: SqlValue[] } {
  const params: SqlValue[] = [];
  const rows = scope.map((s, i) => {
    params.push(s.campaignId, s.windowDays);
    return `(CAST($${firstParam + 2 * i} AS BIGINT), CAST($${firstParam + 2 * i + 1} AS INTEGER))`;
  });
  return { sql: rows.join(', '), params };
}

/** `WITH scope …, rt AS (…)`; $1 is the shop, parameters from `firstParam` on hold the campaigns' windows. */
export function resultTouchesCte(scope: readonly WindowScope[], firstParam: number): { sql: string; params: SqlValue[] } {
  const values = scopeValues(scope, firstParam);
  const sql = `WITH scope (campaign_id, window_days) AS (VALUES ${values.sql}),
    rt AS (
      SELECT t.touch_id, t.campaign_id, t.occurrence_id, t.customer_id, t.channel, coalesce(t.variant, '') AS variant, t.status,
        CASE WHEN t.status = 'holdout' THEN 'holdout' ELSE 'treated' END AS arm,
        ${REF} AS ref,
        to_timestamp(extract(epoch FROM ${REF}) + s.window_days * 86400) AS until,
        coalesce(t.cost_cents, 0) AS cost_cents
      FROM touches t JOIN scope s ON s.campaign_id = t.campaign_id
      WHERE t.shop_id = $1 AND (t.status = 'holdout' OR t.body IS NOT NULL)
    )`;
  return { sql, params: values.params };
}
