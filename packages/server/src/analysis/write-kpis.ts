/**
 * Old-customer KPIs per day, per 7-day period and per month, and the cohort retention matrix, computed in
 * SQL over the loaded orders (temp table a_orders: one row per order up to the as-of day). Definitions:
 *
 * - payment_amount: Σ amount paid over valid orders, by payment day; net_amount: the same less refunds.
 * - valid_orders; paying_buyers: distinct customers with a valid order in the period; avg_order_value =
 *   payment_amount / valid_orders.
 * - new_buyers: paying buyers whose first valid order ever falls in the period; returning_buyers: the
 *   rest (老买家). returning_buyer_share = returning / paying (老买家占比); returning_revenue_share = net
 *   revenue of returning buyers / net revenue.
 * - repurchase_rate: paying buyers who bought on two or more distinct days within the period / paying
 *   buyers (复购率).
 * - 7-day periods end on the as-of day and step back by 7 days (the last one may be partial at the start
 *   of the history); `d30` and `d90` are 30- and 90-day periods laid out the same way (the API's overview
 *   compares the last one with the one before, since distinct buyers cannot be summed from shorter
 *   periods); months are calendar months in the shop's time zone.
 * - Cohorts: the month of a customer's first valid order × months since; a customer is active in a month
 *   when they have a valid order in it.
 */
import type { Db } from '../store/database.ts';

/** Start date of the period holding day number `d` ($2 is the as-of day number). */
const PERIOD_START: Readonly<Record<'day' | 'week' | 'd30' | 'd90' | 'month', (d: string) => string>> = {
  day: (d) => `DATE '1970-01-01' + ${d}`,
  week: (d) => rollingStart(7, d),
  d30: (d) => rollingStart(30, d),
  d90: (d) => rollingStart(90, d),
  month: (d) => `CAST(date_trunc('month', DATE '1970-01-01' + ${d}) AS DATE)`,
};

/** Start of the n-day period holding day `d`, periods ending on the as-of day ($2) and stepping back by n. */
function rollingStart(n: number, d: string): string {
  return `DATE '1970-01-01' + ($2 - ${n - 1} - ${n} * CAST(floor(($2 - ${d}) / ${n}.0) AS INTEGER))`;
}

export async function writeKpis(db: Db, shopId: number, asOfDay: number): Promise<void> {
  // One row per customer and purchase day: every KPI below aggregates this instead of the orders.
  await db.run(`DROP TABLE IF EXISTS a_cust_days`);
  await db.run(
    `CREATE TEMP TABLE a_cust_days AS
     SELECT d.idx, d.day, d.orders, d.amt, d.net, f.first_day FROM (
       SELECT idx, day, count(*) AS orders, sum(amount_cents) AS amt, sum(net_cents) AS net
       FROM a_orders WHERE valid = 1 AND day <= $1 GROUP BY idx, day
     ) d JOIN (SELECT idx, min(day) AS first_day FROM a_orders WHERE valid = 1 AND day <= $1 GROUP BY idx) f ON f.idx = d.idx`,
    [asOfDay],
  );
  await db.run(`DELETE FROM kpi_periods WHERE shop_id = $1`, [shopId]);
  for (const [grain, ps] of Object.entries(PERIOD_START)) {
    await db.run(
      `INSERT INTO kpi_periods (shop_id, grain, period_start, payment_amount, net_amount, valid_orders, paying_buyers,
         avg_order_value, new_buyers, returning_buyers, returning_buyer_share, returning_revenue_share, repurchase_rate,
         repurchasing_buyers)
       WITH pc AS (${perCustomerPeriod(grain, ps)})
       SELECT $1, '${grain}', ps,
         CAST(round(sum(amt)) / 100.0 AS DECIMAL(16,2)), CAST(round(sum(net)) / 100.0 AS DECIMAL(16,2)),
         CAST(sum(orders) AS INTEGER), CAST(count(*) AS INTEGER),
         CAST(round(sum(amt) / sum(orders)) / 100.0 AS DECIMAL(14,2)),
         CAST(count(*) FILTER (WHERE fps = ps) AS INTEGER), CAST(count(*) FILTER (WHERE fps < ps) AS INTEGER),
         count(*) FILTER (WHERE fps < ps) * 1.0 / count(*),
         CASE WHEN sum(net) > 0 THEN coalesce(sum(net) FILTER (WHERE fps < ps), 0) / sum(net) END,
         count(*) FILTER (WHERE days >= 2) * 1.0 / count(*),
         CAST(count(*) FILTER (WHERE days >= 2) AS INTEGER)
       FROM pc GROUP BY ps`,
      [shopId, asOfDay],
    );
  }
  await db.run(`DELETE FROM cohort_retention WHERE shop_id = $1`, [shopId]);
  await db.run(
    `INSERT INTO cohort_retention (shop_id, cohort_month, months_since, cohort_size, active_customers)
     WITH m AS (SELECT DISTINCT idx, ${MONTH_INDEX('day')} AS mi, ${MONTH_INDEX('first_day')} AS fm FROM a_cust_days),
          cells AS (SELECT fm, mi - fm AS k, count(*) AS active FROM m GROUP BY fm, mi - fm),
          sizes AS (SELECT fm, active AS size FROM cells WHERE k = 0)
     SELECT $1, make_date(CAST(floor(c.fm / 12.0) AS INTEGER), CAST(c.fm - 12 * floor(c.fm / 12.0) + 1 AS INTEGER), 1), CAST(c.k AS INTEGER),
            CAST(s.size AS INTEGER), CAST(c.active AS INTEGER)
     FROM cells c JOIN sizes s ON s.fm = c.fm`,
    [shopId],
  );
  await db.run(`DROP TABLE a_cust_days`);
}

/**
 * One row per customer and period. At day grain a_cust_days already is that (one row per customer and day),
 * so the second aggregation over ten million rows is skipped.
 */
function perCustomerPeriod(grain: string, ps: (d: string) => string): string {
  if (grain === 'day') {
    return `SELECT ${ps('day')} AS ps, idx, ${ps('first_day')} AS fps, orders, 1 AS days, amt, net FROM a_cust_days WHERE day <= $2`;
  }
  return `SELECT ${ps('day')} AS ps, idx, min(${ps('first_day')}) AS fps, sum(orders) AS orders, count(*) AS days,
            sum(amt) AS amt, sum(net) AS net
          FROM a_cust_days WHERE day <= $2 GROUP BY 1, idx`;
}

/** Month index year × 12 + month − 1 of a day number column. */
const MONTH_INDEX = (d: string) =>
  `CAST(extract(year FROM DATE '1970-01-01' + ${d}) * 12 + extract(month FROM DATE '1970-01-01' + ${d}) - 1 AS INTEGER)`;
