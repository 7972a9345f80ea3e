/**
 * Writes per-customer results (facts, RFM, lifecycle, type, tier, cycle) into customer_analysis, and the
 * tier history. Values go through a staging table of plain numbers; one INSERT … SELECT turns day numbers
 * into dates.
 */
import { CUSTOMER_TYPES, LIFECYCLE_STAGES, NO_DAY, NO_SEGMENT, NO_STAGE, RFM_SEGMENTS, TOP_SKUS } from '@huitou/core';
import type { BulkColumn, Db } from '../store/database.ts';
import type { AnalysisOptions } from './analysis-options.ts';
import type { AnalysisResult } from './compute-analysis.ts';
import type { LoadedColumns } from './load-columns.ts';

const COLUMNS: readonly BulkColumn[] = [
  { name: 'customer_id', type: 'double' },
  { name: 'orders', type: 'int' },
  { name: 'valid_orders', type: 'int' },
  { name: 'purchase_days', type: 'int' },
  { name: 'first_day', type: 'int' },
  { name: 'last_day', type: 'int' },
  { name: 'recency_days', type: 'int' },
  { name: 'net_cents', type: 'double' },
  { name: 'aov_cents', type: 'double' },
  { name: 'items', type: 'double' },
  { name: 'refund_orders', type: 'int' },
  { name: 'refund_cents', type: 'double' },
  { name: 'mean_interval', type: 'double' },
  { name: 'median_interval', type: 'double' },
  { name: 'top_skus', type: 'text' },
  { name: 'r_score', type: 'int' },
  { name: 'f_score', type: 'int' },
  { name: 'm_score', type: 'int' },
  { name: 'rfm_segment', type: 'text' },
  { name: 'lifecycle', type: 'text' },
  { name: 'customer_type', type: 'text' },
  { name: 'tier', type: 'text' },
  { name: 'tier_discount', type: 'double' },
  { name: 'tier_since', type: 'int' },
  { name: 'cycle_days', type: 'double' },
  { name: 'p_alive', type: 'double' },
  { name: 'expected_30', type: 'double' },
  { name: 'expected_90', type: 'double' },
  { name: 'expected_365', type: 'double' },
  { name: 'expected_order_value', type: 'double' },
  { name: 'clv', type: 'double' },
  { name: 'next_order_day', type: 'int' },
  { name: 'churn_risk', type: 'text' },
];

const SQL_TYPE = { text: 'VARCHAR', int: 'INTEGER', double: 'DOUBLE PRECISION', bool: 'BOOLEAN' } as const;
const day = (d: number) => (d === NO_DAY ? null : d);
const num = (v: number) => (Number.isFinite(v) ? v : null);
const date = (col: string) => `CASE WHEN ${col} IS NULL THEN NULL ELSE DATE '1970-01-01' + ${col} END`;
const money = (col: string) => `CAST(round(${col}) / 100.0 AS DECIMAL(14,2))`;

export async function writeCustomerResults(
  db: Db,
  shopId: number,
  runId: number,
  data: LoadedColumns,
  r: AnalysisResult,
  options: AnalysisOptions,
): Promise<void> {
  await db.run(`DROP TABLE IF EXISTS a_results`);
  await db.run(`CREATE TEMP TABLE a_results (${COLUMNS.map((c) => `${c.name} ${SQL_TYPE[c.type]}`).join(', ')})`);
  const writer = await db.bulkWriter('a_results', COLUMNS);
  const { facts, rfm, stages, types, tiers, customerCycles, predictions: p } = r;
  const pred = (col: Float64Array | undefined, c: number) => (col === undefined ? null : num(col[c] ?? Number.NaN));
  const tierRules = options.tiers.tiers;
  for (let c = 0; c < data.orders.customerCount; c++) {
    const tier = tiers.current[c] ?? -1;
    const rule = tier >= 0 ? tierRules[tier] : undefined;
    const seg = rfm.segment[c] ?? NO_SEGMENT;
    const stage = stages[c] ?? NO_STAGE;
    const top: string[] = [];
    for (let k = 0; k < TOP_SKUS; k++) {
      const sku = facts.topSku[c * TOP_SKUS + k] ?? -1;
      if (sku >= 0) top.push(`${data.productKeys[sku] ?? ''}×${facts.topSkuQuantity[c * TOP_SKUS + k] ?? 0}`);
    }
    const buyer = (facts.validOrders[c] ?? 0) > 0;
    writer.appendRow([
      data.customerIds[c] ?? 0,
      facts.orders[c] ?? 0,
      facts.validOrders[c] ?? 0,
      facts.purchaseDays[c] ?? 0,
      day(facts.firstDay[c] ?? NO_DAY),
      day(facts.lastDay[c] ?? NO_DAY),
      buyer ? (rfm.recencyDays[c] ?? null) : null,
      facts.netCents[c] ?? 0,
      num(facts.avgOrderCents[c] ?? Number.NaN),
      facts.items[c] ?? 0,
      facts.refundOrders[c] ?? 0,
      facts.refundCents[c] ?? 0,
      num(facts.meanIntervalDays[c] ?? Number.NaN),
      num(facts.medianIntervalDays[c] ?? Number.NaN),
      top.length === 0 ? null : top.join(', '),
      buyer ? (rfm.r[c] ?? null) : null,
      buyer ? (rfm.f[c] ?? null) : null,
      buyer ? (rfm.m[c] ?? null) : null,
      seg === NO_SEGMENT ? null : (RFM_SEGMENTS[seg]?.code ?? null),
      stage === NO_STAGE ? null : (LIFECYCLE_STAGES[stage]?.code ?? null),
      CUSTOMER_TYPES[types[c] ?? 0]?.code ?? 'potential',
      rule?.code ?? 'none',
      rule?.discountZhe ?? null,
      rule === undefined ? null : day(tiers.currentSince[c] ?? NO_DAY),
      num(customerCycles.medianDays[c] ?? Number.NaN),
      pred(p?.pAlive, c),
      pred(p?.expected30, c),
      pred(p?.expected90, c),
      pred(p?.expected365, c),
      pred(p?.expectedOrderValue, c),
      pred(p?.clv, c),
      p === null || !Number.isFinite(p.nextOrderInDays[c] ?? Number.NaN) ? null : options.asOfDay + Math.round(p.nextOrderInDays[c] ?? 0),
      p?.churnBand[c] ?? null,
    ]);
  }
  await writer.close();
  await db.run(`DELETE FROM customer_analysis WHERE shop_id = $1`, [shopId]);
  await db.run(
    `INSERT INTO customer_analysis (shop_id, customer_id, run_id, orders, valid_orders, purchase_days, first_order, last_order,
       recency_days, net_spend, avg_order_value, items, refund_orders, refund_amount, mean_interval_days, median_interval_days,
       top_skus, r_score, f_score, m_score, rfm_segment, lifecycle, customer_type, tier, tier_discount, tier_since, cycle_days,
       p_alive, expected_30, expected_90, expected_365, expected_order_value, clv, next_order, churn_risk)
     SELECT $1, CAST(customer_id AS BIGINT), $2, orders, valid_orders, purchase_days, ${date('first_day')}, ${date('last_day')},
       recency_days, ${money('net_cents')}, ${money('aov_cents')}, CAST(round(items) AS INTEGER), refund_orders, ${money('refund_cents')},
       mean_interval, median_interval, top_skus, r_score, f_score, m_score, rfm_segment, lifecycle, customer_type, tier,
       tier_discount, ${date('tier_since')}, cycle_days,
       p_alive, expected_30, expected_90, expected_365, expected_order_value, clv, ${date('next_order_day')}, churn_risk
     FROM a_results`,
    [shopId, runId],
  );
  await db.run(`DROP TABLE a_results`);
  await writeTierHistory(db, shopId, data, r, options);
}

async function writeTierHistory(db: Db, shopId: number, data: LoadedColumns, r: AnalysisResult, options: AnalysisOptions): Promise<void> {
  await db.run(`DELETE FROM customer_tier_history WHERE shop_id = $1`, [shopId]);
  await db.run(`DROP TABLE IF EXISTS a_tiers`);
  await db.run(`CREATE TEMP TABLE a_tiers (customer_id DOUBLE PRECISION, day INTEGER, from_tier VARCHAR, to_tier VARCHAR, direction VARCHAR)`);
  const writer = await db.bulkWriter('a_tiers', [
    { name: 'customer_id', type: 'double' },
    { name: 'day', type: 'int' },
    { name: 'from_tier', type: 'text' },
    { name: 'to_tier', type: 'text' },
    { name: 'direction', type: 'text' },
  ]);
  const t = r.tiers;
  const code = (i: number) => options.tiers.tiers[i]?.code ?? 'none';
  for (let e = 0; e < t.eventCustomer.length; e++) {
    const from = t.eventFrom[e] ?? -1;
    const to = t.eventTo[e] ?? -1;
    writer.appendRow([data.customerIds[t.eventCustomer[e] ?? 0] ?? 0, t.eventDay[e] ?? 0, code(from), code(to), to > from ? 'up' : 'down']);
  }
  await writer.close();
  await db.run(
    `INSERT INTO customer_tier_history (shop_id, customer_id, changed_on, from_tier, to_tier, direction)
     SELECT $1, CAST(customer_id AS BIGINT), DATE '1970-01-01' + day, from_tier, to_tier, direction FROM a_tiers`,
    [shopId],
  );
  await db.run(`DROP TABLE a_tiers`);
}
