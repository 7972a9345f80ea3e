/**
 * The reports, read from what `huitou analyze` stored (customer_analysis, kpi_periods, cohort_retention,
 * sku_cycles, customer_sku_due, customer_tier_history) — nothing is recomputed here.
 */
import { CUSTOMER_TYPES, LIFECYCLE_STAGES, RFM_SEGMENTS } from '@huitou/core';
import type { Db } from '../store/database.ts';
import { findOne } from '../store/database.ts';
import { numberOrNull, textOrNull } from '../store/row-values.ts';
import type { Cell, ReportTable } from './report-table.ts';

export const REPORT_KINDS = ['kpi', 'rfm', 'lifecycle', 'tiers', 'cycles', 'cohorts'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export type KpiGrain = 'day' | 'week' | 'month';

export interface LatestRun {
  readonly runId: number;
  readonly asOf: string;
  readonly createdAt: string;
}

/** The shop's latest analysis run, if any. */
export async function findLatestRun(db: Db, shopId: number): Promise<LatestRun | undefined> {
  return findOne<{ runId: number; asOf: string; createdAt: string }>(
    db,
    `SELECT run_id AS "runId", CAST(as_of AS VARCHAR) AS "asOf", CAST(created_at AS VARCHAR) AS "createdAt"
     FROM analysis_runs WHERE shop_id = $1 ORDER BY run_id DESC LIMIT 1`,
    [shopId],
  );
}


export async function kpiReport(db: Db, shopId: number, grain: KpiGrain, limit: number): Promise<ReportTable> {
  const rows = await db.all(
    `SELECT CAST(period_start AS VARCHAR) AS p, CAST(payment_amount AS DOUBLE PRECISION) AS pay, CAST(net_amount AS DOUBLE PRECISION) AS net,
       valid_orders, paying_buyers, CAST(avg_order_value AS DOUBLE PRECISION) AS aov, new_buyers, returning_buyers,
       returning_buyer_share, returning_revenue_share, repurchase_rate
     FROM kpi_periods WHERE shop_id = $1 AND grain = $2 ORDER BY period_start DESC LIMIT ${Math.floor(limit)}`,
    [shopId, grain],
  );
  return {
    key: `kpi_${grain}`,
    zh: { day: '老客指标（日）', week: '老客指标（7天）', month: '老客指标（月）' }[grain],
    en: { day: 'Old-customer KPIs by day', week: 'Old-customer KPIs by 7 days', month: 'Old-customer KPIs by month' }[grain],
    columns: [
      { key: 'periodStart', zh: '周期开始', en: 'Period start', kind: 'date' },
      { key: 'paymentAmount', zh: '支付金额', en: 'Payment amount', kind: 'money' },
      { key: 'netAmount', zh: '净额', en: 'Net amount', kind: 'money' },
      { key: 'validOrders', zh: '有效订单', en: 'Valid orders', kind: 'int' },
      { key: 'payingBuyers', zh: '支付买家', en: 'Paying buyers', kind: 'int' },
      { key: 'avgOrderValue', zh: '客单价', en: 'Avg order value', kind: 'money' },
      { key: 'newBuyers', zh: '新买家', en: 'New buyers', kind: 'int' },
      { key: 'returningBuyers', zh: '老买家', en: 'Returning buyers', kind: 'int' },
      { key: 'returningBuyerShare', zh: '老买家占比', en: 'Returning-buyer share', kind: 'percent' },
      { key: 'returningRevenueShare', zh: '老买家销售占比', en: 'Returning-revenue share', kind: 'percent' },
      { key: 'repurchaseRate', zh: '复购率', en: 'Repurchase rate', kind: 'percent' },
    ],
    rows: rows.map((r) => [
      textOrNull(r['p']), numberOrNull(r['pay']), numberOrNull(r['net']), numberOrNull(r['valid_orders']), numberOrNull(r['paying_buyers']), numberOrNull(r['aov']),
      numberOrNull(r['new_buyers']), numberOrNull(r['returning_buyers']), numberOrNull(r['returning_buyer_share']), numberOrNull(r['returning_revenue_share']),
      numberOrNull(r['repurchase_rate']),
    ]),
  };
}

export async function rfmReport(db: Db, shopId: number): Promise<ReportTable> {
  const rows = await db.all(
    `SELECT rfm_segment AS s, count(*) AS n, avg(recency_days) AS rec, avg(valid_orders) AS freq,
       CAST(avg(net_spend) AS DOUBLE PRECISION) AS mon, CAST(sum(net_spend) AS DOUBLE PRECISION) AS rev
     FROM customer_analysis WHERE shop_id = $1 AND rfm_segment IS NOT NULL GROUP BY rfm_segment`,
    [shopId],
  );
  const total = rows.reduce((a, r) => a + Number(r['n']), 0);
  const revenue = rows.reduce((a, r) => a + Number(r['rev']), 0);
  const by = new Map(rows.map((r) => [String(r['s']), r]));
  return {
    key: 'rfm',
    zh: 'RFM 客户分层',
    en: 'RFM segments',
    columns: [
      { key: 'segment', zh: '分层', en: 'Segment', kind: 'text' },
      { key: 'code', zh: '代码', en: 'Code', kind: 'text' },
      { key: 'customers', zh: '客户数', en: 'Customers', kind: 'int' },
      { key: 'share', zh: '占比', en: 'Share', kind: 'percent' },
      { key: 'avgRecencyDays', zh: '平均未购天数', en: 'Avg days since last order', kind: 'number' },
      { key: 'avgOrders', zh: '平均订单数', en: 'Avg orders', kind: 'number' },
      { key: 'avgSpend', zh: '平均消费', en: 'Avg spend', kind: 'money' },
      { key: 'revenue', zh: '消费总额', en: 'Revenue', kind: 'money' },
      { key: 'revenueShare', zh: '销售占比', en: 'Revenue share', kind: 'percent' },
    ],
    rows: RFM_SEGMENTS.map((seg): Cell[] => {
      const r = by.get(seg.code);
      const n = r === undefined ? 0 : Number(r['n']);
      return [
        `${seg.zh} / ${seg.en}`, seg.code, n, total > 0 ? n / total : null, numberOrNull(r?.['rec']), numberOrNull(r?.['freq']), numberOrNull(r?.['mon']),
        numberOrNull(r?.['rev']) ?? 0, revenue > 0 && r !== undefined ? Number(r['rev']) / revenue : null,
      ];
    }),
  };
}

export async function lifecycleReport(db: Db, shopId: number): Promise<ReportTable> {
  const stages = await db.all(
    `SELECT coalesce(lifecycle, '-') AS k, count(*) AS n, CAST(sum(net_spend) AS DOUBLE PRECISION) AS rev
     FROM customer_analysis WHERE shop_id = $1 GROUP BY 1`,
    [shopId],
  );
  const types = await db.all(`SELECT customer_type AS k, count(*) AS n, CAST(sum(net_spend) AS DOUBLE PRECISION) AS rev FROM customer_analysis WHERE shop_id = $1 GROUP BY 1`, [shopId]);
  const buyers = stages.filter((r) => r['k'] !== '-').reduce((a, r) => a + Number(r['n']), 0);
  const all = types.reduce((a, r) => a + Number(r['n']), 0);
  const stageBy = new Map(stages.map((r) => [String(r['k']), r]));
  const typeBy = new Map(types.map((r) => [String(r['k']), r]));
  return {
    key: 'lifecycle',
    zh: '生命周期与客户类型',
    en: 'Lifecycle and customer types',
    columns: [
      { key: 'group', zh: '维度', en: 'Dimension', kind: 'text' },
      { key: 'label', zh: '阶段/类型', en: 'Stage / type', kind: 'text' },
      { key: 'code', zh: '代码', en: 'Code', kind: 'text' },
      { key: 'customers', zh: '客户数', en: 'Customers', kind: 'int' },
      { key: 'share', zh: '占比', en: 'Share', kind: 'percent' },
      { key: 'revenue', zh: '消费总额', en: 'Revenue', kind: 'money' },
    ],
    rows: [
      ...LIFECYCLE_STAGES.map((s): Cell[] => {
        const n = Number(stageBy.get(s.code)?.['n'] ?? 0);
        return ['lifecycle', `${s.zh} / ${s.en}`, s.code, n, buyers > 0 ? n / buyers : null, numberOrNull(stageBy.get(s.code)?.['rev']) ?? 0];
      }),
      ...CUSTOMER_TYPES.map((s): Cell[] => {
        const n = Number(typeBy.get(s.code)?.['n'] ?? 0);
        return ['type', `${s.zh} / ${s.en}`, s.code, n, all > 0 ? n / all : null, numberOrNull(typeBy.get(s.code)?.['rev']) ?? 0];
      }),
    ],
  };
}

export async function tiersReport(db: Db, shopId: number): Promise<ReportTable> {
  const rows = await db.all(
    `SELECT tier, max(tier_discount) AS discount, count(*) AS n, CAST(sum(net_spend) AS DOUBLE PRECISION) AS rev,
       CAST(avg(net_spend) AS DOUBLE PRECISION) AS avg_spend,
       (SELECT count(*) FROM customer_tier_history h WHERE h.shop_id = $1 AND h.to_tier = a.tier AND h.direction = 'up'
          AND h.changed_on > (SELECT max(as_of) FROM analysis_runs WHERE shop_id = $1) - 90) AS up90,
       (SELECT count(*) FROM customer_tier_history h WHERE h.shop_id = $1 AND h.from_tier = a.tier AND h.direction = 'down'
          AND h.changed_on > (SELECT max(as_of) FROM analysis_runs WHERE shop_id = $1) - 90) AS down90
     FROM customer_analysis a WHERE shop_id = $1 GROUP BY tier ORDER BY max(coalesce(tier_discount, 10)) DESC`,
    [shopId],
  );
  return {
    key: 'tiers',
    zh: '会员等级',
    en: 'Membership tiers',
    columns: [
      { key: 'tier', zh: '等级', en: 'Tier', kind: 'text' },
      { key: 'discount', zh: '折扣（折）', en: 'Discount (折)', kind: 'number' },
      { key: 'customers', zh: '客户数', en: 'Customers', kind: 'int' },
      { key: 'revenue', zh: '消费总额', en: 'Revenue', kind: 'money' },
      { key: 'avgSpend', zh: '平均消费', en: 'Avg spend', kind: 'money' },
      { key: 'upgrades90d', zh: '近90天升级', en: 'Upgrades, 90 days', kind: 'int' },
      { key: 'downgrades90d', zh: '近90天降级', en: 'Downgrades, 90 days', kind: 'int' },
    ],
    rows: rows.map((r) => [textOrNull(r['tier']), numberOrNull(r['discount']), numberOrNull(r['n']), numberOrNull(r['rev']), numberOrNull(r['avg_spend']), numberOrNull(r['up90']), numberOrNull(r['down90'])]),
  };
}

export async function cyclesReport(db: Db, shopId: number, limit: number): Promise<ReportTable> {
  const rows = await db.all(
    `SELECT c.product_key, c.title, c.median_days_per_unit AS med, c.p25_days_per_unit AS p25, c.p75_days_per_unit AS p75, c.samples, c.customers,
       count(d.customer_id) FILTER (WHERE d.state = 'due_soon') AS due_soon,
       count(d.customer_id) FILTER (WHERE d.state = 'due') AS due,
       count(d.customer_id) FILTER (WHERE d.state = 'overdue') AS overdue
     FROM sku_cycles c LEFT JOIN customer_sku_due d ON d.shop_id = c.shop_id AND d.product_key = c.product_key
     WHERE c.shop_id = $1
     GROUP BY c.product_key, c.title, c.median_days_per_unit, c.p25_days_per_unit, c.p75_days_per_unit, c.samples, c.customers
     ORDER BY c.samples DESC, c.product_key LIMIT ${Math.floor(limit)}`,
    [shopId],
  );
  return {
    key: 'cycles',
    zh: '商品回购周期',
    en: 'SKU purchase cycles',
    columns: [
      { key: 'sku', zh: '商品编码', en: 'SKU', kind: 'text' },
      { key: 'title', zh: '商品', en: 'Title', kind: 'text' },
      { key: 'medianDaysPerUnit', zh: '每件可用天数（中位）', en: 'Days per unit (median)', kind: 'number' },
      { key: 'p25', zh: 'P25', en: 'P25', kind: 'number' },
      { key: 'p75', zh: 'P75', en: 'P75', kind: 'number' },
      { key: 'samples', zh: '样本数', en: 'Samples', kind: 'int' },
      { key: 'customers', zh: '客户数', en: 'Customers', kind: 'int' },
      { key: 'dueSoon', zh: '即将到期', en: 'Due soon', kind: 'int' },
      { key: 'due', zh: '到期', en: 'Due', kind: 'int' },
      { key: 'overdue', zh: '已逾期', en: 'Overdue', kind: 'int' },
    ],
    rows: rows.map((r) => [
      textOrNull(r['product_key']), textOrNull(r['title']), numberOrNull(r['med']), numberOrNull(r['p25']), numberOrNull(r['p75']), numberOrNull(r['samples']), numberOrNull(r['customers']),
      numberOrNull(r['due_soon']), numberOrNull(r['due']), numberOrNull(r['overdue']),
    ]),
  };
}

/** Cohort × months-since retention; months before the as-of month with nobody active show 0, later ones null. */
export async function cohortsReport(db: Db, shopId: number, maxMonths: number, asOf: string): Promise<ReportTable> {
  const asOfMonth = Number(asOf.slice(0, 4)) * 12 + Number(asOf.slice(5, 7)) - 1;
  const rows = await db.all(
    `SELECT CAST(cohort_month AS VARCHAR) AS m, months_since AS k, cohort_size AS size, active_customers AS active
     FROM cohort_retention WHERE shop_id = $1 AND months_since <= $2 ORDER BY cohort_month, months_since`,
    [shopId, maxMonths],
  );
  const cohorts = new Map<string, { size: number; cells: (number | null)[] }>();
  for (const r of rows) {
    const m = String(r['m']).slice(0, 7);
    const cohortMonth = Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
    const entry = cohorts.get(m) ?? {
      size: Number(r['size']),
      cells: Array.from({ length: maxMonths + 1 }, (_, k) => (cohortMonth + k <= asOfMonth ? 0 : null)),
    };
    entry.cells[Number(r['k'])] = Number(r['active']) / Math.max(1, Number(r['size']));
    cohorts.set(m, entry);
  }
  const ks = Array.from({ length: maxMonths + 1 }, (_, k) => k);
  return {
    key: 'cohorts',
    zh: '首购月留存',
    en: 'Cohort retention',
    columns: [
      { key: 'cohort', zh: '首购月', en: 'First purchase month', kind: 'text' },
      { key: 'size', zh: '客户数', en: 'Customers', kind: 'int' },
      ...ks.map((k) => ({ key: `m${k}`, zh: `第${k}月`, en: `M${k}`, kind: 'percent' as const })),
    ],
    rows: [...cohorts.entries()].map(([m, e]) => [m, e.size, ...e.cells]),
  };
}
