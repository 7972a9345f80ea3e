/**
 * analyze on a small shop whose every number is worked out by hand below (canonical CSV, Asia/Shanghai,
 * as of 2024-12-31).
 *
 *   A: 2024-01-10 ¥100, 2024-02-09 ¥200, 2024-12-20 ¥300 → 3 valid orders on 3 days, net 600, AOV 200,
 *      recency 11 days, intervals 30 and 315 days (mean = median = 172.5)
 *   B: 2024-06-01 ¥50 → 1 order, recency 213 days (Jun 1 → Dec 31)
 *   C: 2024-03-01 ¥80 unpaid → potential (no valid order)
 *   D: 2024-12-05 ¥500 (refund ¥20) and ¥100 the same day → 2 valid orders on 1 day, net 580, recency 26
 *
 * Buyers A, B, D. Means: recency (11+213+26)/3 = 83.3, orders (3+1+2)/3 = 2, spend (600+50+580)/3 = 410.
 * Segments (strictly better than the mean): A recent, frequent, high → important_value; D recent, not
 * frequent (2 is not > 2), high → important_develop; B none → general_win_back.
 * Scores 1 + floor(5 × worse / 3): the best of three gets 1 + floor(10/3) = 4, the middle 2, the worst 1:
 * A 4/4/4, D 2/2/2, B 1/1/1.
 * Lifecycle: A 11 and D 26 days → active; B 213 → sleeping (181–270).
 * Types: D's first order is 26 days old → new (precedes repeat); A repeat; B one_time; C potential.
 * December KPIs: 3 valid orders, paid 300+500+100 = 900, net 880, buyers A and D, AOV 300; D is new, A
 * returning → share 1/2, returning revenue 300/880; nobody bought on two distinct days → repurchase 0.
 * Cohorts: 2024-01 {A} active in months 0, 1 and 11; 2024-06 {B}; 2024-12 {D}.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, json } from '../support/run-cli.ts';
import { tempDir } from '../support/paths.ts';
import { openStore } from '../../src/store/open-store.ts';

const CSV = `order_id,customer_id,order_time,amount,status,refund
A1,A,2024-01-10 10:00:00,100,completed,0
A2,A,2024-02-09 10:00:00,200,completed,0
A3,A,2024-12-20 10:00:00,300,completed,0
B1,B,2024-06-01 10:00:00,50,completed,0
C1,C,2024-03-01 10:00:00,80,unpaid,0
D1,D,2024-12-05 10:00:00,500,completed,20
D2,D,2024-12-05 11:00:00,100,completed,0
`;

describe('analyze on a hand-computed shop', () => {
  const dir = tempDir();
  const db = join(dir.path, 'shop.duckdb');
  let summary: Record<string, number> = {};
  beforeAll(async () => {
    writeFileSync(join(dir.path, 'orders.csv'), CSV);
    const imported = await cli(['import', join(dir.path, 'orders.csv'), '--db', db, '--json']);
    expect(imported.code).toBe(0);
    const run = await cli(['analyze', '--db', db, '--as-of', '2024-12-31', '--json']);
    expect(run.code).toBe(0);
    summary = json<{ summary: Record<string, number> }>(run).summary;
  });
  afterAll(() => dir.remove());

  it('prints exactly the summary fields', () => {
    expect(summary).toEqual({ orders: 7, validOrders: 6, lines: 0, customers: 4, buyers: 3, repeatBuyers: 2, netRevenue: 1230 });
  });

  it('stores facts, scores, segments, lifecycle and types', async () => {
    const store = await openStore({ path: db });
    const rows = await store.all(
      `SELECT c.key_value AS k, a.valid_orders, a.purchase_days, CAST(a.net_spend AS DOUBLE) AS net, CAST(a.avg_order_value AS DOUBLE) AS aov,
              a.recency_days, a.mean_interval_days, a.median_interval_days, a.r_score, a.f_score, a.m_score, a.rfm_segment,
              a.lifecycle, a.customer_type, a.tier, CAST(a.first_order AS VARCHAR) AS first, CAST(a.last_order AS VARCHAR) AS last
       FROM customer_analysis a JOIN customers c ON c.customer_id = a.customer_id ORDER BY k`,
    );
    store.close();
    expect(rows).toEqual([
      { k: 'A', valid_orders: 3, purchase_days: 3, net: 600, aov: 200, recency_days: 11, mean_interval_days: 172.5, median_interval_days: 172.5, r_score: 4, f_score: 4, m_score: 4, rfm_segment: 'important_value', lifecycle: 'active', customer_type: 'repeat', tier: 'normal', first: '2024-01-10', last: '2024-12-20' },
      { k: 'B', valid_orders: 1, purchase_days: 1, net: 50, aov: 50, recency_days: 213, mean_interval_days: null, median_interval_days: null, r_score: 1, f_score: 1, m_score: 1, rfm_segment: 'general_win_back', lifecycle: 'sleeping', customer_type: 'one_time', tier: 'normal', first: '2024-06-01', last: '2024-06-01' },
      { k: 'C', valid_orders: 0, purchase_days: 0, net: 0, aov: null, recency_days: null, mean_interval_days: null, median_interval_days: null, r_score: null, f_score: null, m_score: null, rfm_segment: null, lifecycle: null, customer_type: 'potential', tier: 'none', first: null, last: null },
      { k: 'D', valid_orders: 2, purchase_days: 1, net: 580, aov: 290, recency_days: 26, mean_interval_days: null, median_interval_days: null, r_score: 2, f_score: 2, m_score: 2, rfm_segment: 'important_develop', lifecycle: 'active', customer_type: 'new', tier: 'normal', first: '2024-12-05', last: '2024-12-05' },
    ]);
  });

  it('stores December KPIs and the cohort matrix', async () => {
    const store = await openStore({ path: db });
    const dec = await store.all(
      `SELECT CAST(payment_amount AS DOUBLE) AS paid, CAST(net_amount AS DOUBLE) AS net, valid_orders, paying_buyers,
              CAST(avg_order_value AS DOUBLE) AS aov, new_buyers, returning_buyers, returning_buyer_share, returning_revenue_share, repurchase_rate
       FROM kpi_periods WHERE grain = 'month' AND period_start = DATE '2024-12-01'`,
    );
    expect(dec).toEqual([{ paid: 900, net: 880, valid_orders: 3, paying_buyers: 2, aov: 300, new_buyers: 1, returning_buyers: 1, returning_buyer_share: 0.5, returning_revenue_share: 300 / 880, repurchase_rate: 0 }]);
    const week = await store.all(`SELECT CAST(period_start AS VARCHAR) AS p, valid_orders FROM kpi_periods WHERE grain = 'week' ORDER BY period_start DESC LIMIT 2`);
    // 7-day periods end on the as-of day: 12-25..12-31 (nothing), 12-18..12-24 holds A3.
    expect(week[0]).toEqual({ p: '2024-12-18', valid_orders: 1 });
    const cohorts = await store.all(`SELECT CAST(cohort_month AS VARCHAR) AS m, months_since AS k, cohort_size AS n, active_customers AS a FROM cohort_retention ORDER BY 1, 2`);
    store.close();
    expect(cohorts).toEqual([
      { m: '2024-01-01', k: 0, n: 1, a: 1 },
      { m: '2024-01-01', k: 1, n: 1, a: 1 },
      { m: '2024-01-01', k: 11, n: 1, a: 1 },
      { m: '2024-06-01', k: 0, n: 1, a: 1 },
      { m: '2024-12-01', k: 0, n: 1, a: 1 },
    ]);
  });

  it('filters customers by label and reports in both languages', async () => {
    const developing = json<{ customers: { keyValue: string }[] }>(await cli(['customers', '--db', db, '--segment', 'important_develop', '--json']));
    expect(developing.customers.map((c) => c.keyValue)).toEqual(['D']);
    const sleeping = json<{ total: number }>(await cli(['customers', '--db', db, '--lifecycle', 'sleeping', '--json']));
    expect(sleeping.total).toBe(1);
    const bad = await cli(['customers', '--db', db, '--segment', 'vip-ish']);
    expect(bad.code).toBe(2);
    const zh = await cli(['report', 'rfm', '--db', db, '--lang', 'zh']);
    expect(zh.stdout).toContain('重要价值客户');
    const xlsx = join(dir.path, 'r.xlsx');
    expect((await cli(['report', 'all', '--db', db, '--out', xlsx])).code).toBe(0);
  });

  it('an analysis as of an earlier date ignores later orders', async () => {
    const run = json<{ summary: Record<string, number> }>(await cli(['analyze', '--db', db, '--as-of', '2024-06-30', '--json']));
    // Up to 2024-06-30: A1, A2, B1 (valid) and C1 (unpaid).
    expect(run.summary).toEqual({ orders: 4, validOrders: 3, lines: 0, customers: 4, buyers: 2, repeatBuyers: 1, netRevenue: 350 });
  });
});
