/**
 * Old-customer KPIs per day, per 7-day period and per month, and the cohort retention matrix, stored from
 * core's one-pass computations over the loaded columns (kpiPeriods, cohortRetention). Definitions:
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
import { dayFromCivil } from '@huitou/core';
import type { Db } from '../store/database.ts';
import type { AnalysisResult } from './compute-analysis.ts';

export async function writeKpis(db: Db, shopId: number, r: AnalysisResult): Promise<void> {
  await db.run(`DROP TABLE IF EXISTS a_kpis`);
  await db.run(
    `CREATE TEMP TABLE a_kpis (grain VARCHAR, period_start DATE, payment DOUBLE PRECISION, net DOUBLE PRECISION, orders INTEGER,
       paying INTEGER, fresh INTEGER, returners INTEGER, returning_net DOUBLE PRECISION, repurchasing INTEGER)`,
  );
  const kpis = await db.bulkWriter('a_kpis', [
    { name: 'grain', type: 'text' },
    { name: 'period_start', type: 'date' },
    { name: 'payment', type: 'double' },
    { name: 'net', type: 'double' },
    { name: 'orders', type: 'int' },
    { name: 'paying', type: 'int' },
    { name: 'fresh', type: 'int' },
    { name: 'returners', type: 'int' },
    { name: 'returning_net', type: 'double' },
    { name: 'repurchasing', type: 'int' },
  ]);
  for (const k of r.kpis) {
    kpis.appendRow([k.grain, k.start, k.paymentCents, k.netCents, k.validOrders, k.payingBuyers, k.newBuyers, k.returningBuyers, k.returningNetCents, k.repurchasingBuyers]);
  }
  await kpis.close();
  await db.run(`DELETE FROM kpi_periods WHERE shop_id = $1`, [shopId]);
  await db.run(
    `INSERT INTO kpi_periods (shop_id, grain, period_start, payment_amount, net_amount, valid_orders, paying_buyers,
       avg_order_value, new_buyers, returning_buyers, returning_buyer_share, returning_revenue_share, repurchase_rate,
       repurchasing_buyers)
     SELECT $1, grain, period_start, CAST(round(payment) / 100.0 AS DECIMAL(16,2)), CAST(round(net) / 100.0 AS DECIMAL(16,2)),
       orders, paying, CAST(round(payment / orders) / 100.0 AS DECIMAL(14,2)), fresh, returners, returners * 1.0 / paying,
       CASE WHEN net > 0 THEN returning_net / net END, repurchasing * 1.0 / paying, repurchasing
     FROM a_kpis ORDER BY grain, period_start`,
    [shopId],
  );
  await db.run(`DROP TABLE a_kpis`);

  await db.run(`DELETE FROM cohort_retention WHERE shop_id = $1`, [shopId]);
  const cohorts = await db.bulkWriter('cohort_retention', [
    { name: 'shop_id', type: 'int' },
    { name: 'cohort_month', type: 'date' },
    { name: 'months_since', type: 'int' },
    { name: 'cohort_size', type: 'int' },
    { name: 'active_customers', type: 'int' },
  ]);
  const c = r.cohorts;
  const size = c.months.length;
  for (let row = 0; row < size; row++) {
    const cohortSize = c.cohortSize[row] ?? 0;
    if (cohortSize <= 0) continue;
    for (let k = 0; k < size - row; k++) {
      const active = c.counts[row * size + k] ?? 0;
      if (active > 0) cohorts.appendRow([shopId, monthStartDay(c.firstMonth + row), k, cohortSize, active]);
    }
  }
  await cohorts.close();
}

/** Day number of the first day of a month index (year × 12 + month − 1). */
function monthStartDay(month: number): number {
  const y = Math.floor(month / 12);
  const m = month - 12 * y + 1;
  return dayFromCivil(y, m, 1);
}
