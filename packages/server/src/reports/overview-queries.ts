/**
 * The dashboard's overview and segment figures that the report tables do not already give: KPI periods of a
 * grain as objects, label counts in one pass over customer_analysis, the R×F grid and the Pareto curve.
 * Everything reads what `huitou analyze` stored.
 */
import { CHURN_BANDS, CUSTOMER_TYPES, LIFECYCLE_STAGES, RFM_SEGMENTS } from '@huitou/core';
import type { Db } from '../store/database.ts';

/** kpi_periods grains: 7-, 30- and 90-day periods ending on the as-of day. */
export const ROLLING_GRAINS = { 7: 'week', 30: 'd30', 90: 'd90' } as const;
export type RollingPeriod = keyof typeof ROLLING_GRAINS;

export interface KpiPeriod {
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly paymentAmount: number;
  readonly netAmount: number;
  readonly validOrders: number;
  readonly payingBuyers: number;
  readonly avgOrderValue: number | null;
  readonly newBuyers: number;
  readonly returningBuyers: number;
  readonly returningBuyerShare: number | null;
  readonly returningRevenueShare: number | null;
  readonly repurchaseRate: number | null;
  readonly repurchasingBuyers: number;
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** The latest `limit` periods of a rolling grain, newest first (empty when the analysis predates the grain). */
export async function rollingKpis(db: Db, shopId: number, period: RollingPeriod, limit: number): Promise<KpiPeriod[]> {
  const rows = await db.all(
    `SELECT CAST(period_start AS VARCHAR) AS p, CAST(period_start + ${period - 1} AS VARCHAR) AS e,
       CAST(payment_amount AS DOUBLE PRECISION) AS pay, CAST(net_amount AS DOUBLE PRECISION) AS net, valid_orders, paying_buyers,
       CAST(avg_order_value AS DOUBLE PRECISION) AS aov, new_buyers, returning_buyers, returning_buyer_share, returning_revenue_share,
       repurchase_rate, repurchasing_buyers
     FROM kpi_periods WHERE shop_id = $1 AND grain = $2 ORDER BY period_start DESC LIMIT ${Math.floor(limit)}`,
    [shopId, ROLLING_GRAINS[period]],
  );
  return rows.map((r) => ({
    periodStart: String(r['p']),
    periodEnd: String(r['e']),
    paymentAmount: Number(r['pay']),
    netAmount: Number(r['net']),
    validOrders: Number(r['valid_orders']),
    payingBuyers: Number(r['paying_buyers']),
    avgOrderValue: num(r['aov']),
    newBuyers: Number(r['new_buyers']),
    returningBuyers: Number(r['returning_buyers']),
    returningBuyerShare: num(r['returning_buyer_share']),
    returningRevenueShare: num(r['returning_revenue_share']),
    repurchaseRate: num(r['repurchase_rate']),
    repurchasingBuyers: Number(r['repurchasing_buyers']),
  }));
}

export interface LabelCount<R extends number | null = number> {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  readonly customers: number;
  readonly revenue: R;
}

export interface LabelCounts<R extends number | null = number> {
  readonly totals: { customers: number; buyers: number; repeatBuyers: number; netRevenue: number };
  readonly segments: LabelCount<R>[];
  readonly lifecycle: LabelCount<R>[];
  readonly customerTypes: LabelCount<R>[];
  readonly churnRisk: LabelCount<R>[];
}

const CHURN_LABELS: Readonly<Record<string, { zh: string; en: string }>> = {
  low: { zh: '低', en: 'Low' },
  medium: { zh: '中', en: 'Medium' },
  high: { zh: '高', en: 'High' },
  lost: { zh: '已流失', en: 'Lost' },
};

/** Customers and revenue per segment, lifecycle stage, customer type and churn band, in one scan. */
export async function labelCounts(db: Db, shopId: number): Promise<LabelCounts> {
  const rows = await db.all(
    `SELECT grouping(rfm_segment) AS gs, grouping(lifecycle) AS gl, grouping(customer_type) AS gt, grouping(churn_risk) AS gc,
       rfm_segment, lifecycle, customer_type, churn_risk, count(*) AS n, CAST(coalesce(sum(net_spend), 0) AS DOUBLE PRECISION) AS rev,
       count(*) FILTER (WHERE valid_orders >= 1) AS buyers, count(*) FILTER (WHERE valid_orders >= 2) AS repeat_buyers
     FROM customer_analysis WHERE shop_id = $1
     GROUP BY GROUPING SETS ((rfm_segment), (lifecycle), (customer_type), (churn_risk), ())`,
    [shopId],
  );
  const pick = (dim: 'gs' | 'gl' | 'gt' | 'gc', col: string) => {
    const m = new Map<string, { n: number; rev: number }>();
    for (const r of rows) {
      const others = (['gs', 'gl', 'gt', 'gc'] as const).filter((d) => d !== dim);
      if (Number(r[dim]) === 0 && others.every((d) => Number(r[d]) === 1) && r[col] !== null) m.set(String(r[col]), { n: Number(r['n']), rev: Number(r['rev']) });
    }
    return m;
  };
  const list = (m: Map<string, { n: number; rev: number }>, labels: readonly { code: string; zh: string; en: string }[]): LabelCount[] =>
    labels.map((l) => ({ code: l.code, zh: l.zh, en: l.en, customers: m.get(l.code)?.n ?? 0, revenue: m.get(l.code)?.rev ?? 0 }));
  const all = rows.find((r) => ['gs', 'gl', 'gt', 'gc'].every((d) => Number(r[d]) === 1));
  return {
    totals: {
      customers: Number(all?.['n'] ?? 0),
      buyers: Number(all?.['buyers'] ?? 0),
      repeatBuyers: Number(all?.['repeat_buyers'] ?? 0),
      netRevenue: Math.round(Number(all?.['rev'] ?? 0) * 100) / 100,
    },
    segments: list(pick('gs', 'rfm_segment'), RFM_SEGMENTS),
    lifecycle: list(pick('gl', 'lifecycle'), LIFECYCLE_STAGES),
    customerTypes: list(pick('gt', 'customer_type'), CUSTOMER_TYPES),
    churnRisk: list(pick('gc', 'churn_risk'), CHURN_BANDS.map((b) => ({ code: b, ...(CHURN_LABELS[b] ?? { zh: b, en: b }) }))),
  };
}

/** Customers and spend per (R, F) score pair; pairs with nobody are left out. */
export async function rfmGrid(db: Db, shopId: number): Promise<{ r: number; f: number; customers: number; spend: number; avgSpend: number }[]> {
  const rows = await db.all(
    `SELECT r_score AS r, f_score AS f, count(*) AS n, CAST(sum(net_spend) AS DOUBLE PRECISION) AS spend
     FROM customer_analysis WHERE shop_id = $1 AND r_score IS NOT NULL AND f_score IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2`,
    [shopId],
  );
  return rows.map((r) => ({ r: Number(r['r']), f: Number(r['f']), customers: Number(r['n']), spend: Number(r['spend']), avgSpend: Number(r['spend']) / Math.max(1, Number(r['n'])) }));
}

/** Buyers by spend, highest first, in 100 equal groups: the cumulative revenue share after each. */
export async function paretoCurve(db: Db, shopId: number): Promise<{ customerShare: number; revenueShare: number }[]> {
  const rows = await db.all(
    `SELECT p, CAST(sum(s) AS DOUBLE PRECISION) AS s FROM (
       SELECT net_spend AS s, ntile(100) OVER (ORDER BY net_spend DESC) AS p FROM customer_analysis WHERE shop_id = $1 AND valid_orders > 0 AND net_spend > 0
     ) t GROUP BY p ORDER BY p`,
    [shopId],
  );
  const total = rows.reduce((a, r) => a + Number(r['s']), 0);
  let cum = 0;
  return rows.map((r) => {
    cum += Number(r['s']);
    return { customerShare: Number(r['p']) / rows.length, revenueShare: total > 0 ? cum / total : 0 };
  });
}

/**
 * The same counts as `labelCounts`, from the analysis run's stored summary (one row, no scan of the
 * customers): what the overview shows. Revenue per label is not stored with the run, so it is null here.
 */
export async function storedLabelCounts(db: Db, runId: number): Promise<LabelCounts<number | null>> {
  const [row] = await db.all<{ summary: string }>(`SELECT summary FROM analysis_runs WHERE run_id = $1`, [runId]);
  const doc = JSON.parse(row?.summary ?? '{}') as {
    summary?: { customers?: number; buyers?: number; repeatBuyers?: number; netRevenue?: number };
    details?: { segments?: Record<string, number>; lifecycle?: Record<string, number>; customerTypes?: Record<string, number>; models?: { churnRisk?: Record<string, number> } };
  };
  const list = (m: Record<string, number> | undefined, labels: readonly { code: string; zh: string; en: string }[]): LabelCount<null>[] =>
    labels.map((l) => ({ code: l.code, zh: l.zh, en: l.en, customers: Number(m?.[l.code] ?? 0), revenue: null }));
  const s = doc.summary ?? {};
  return {
    totals: { customers: Number(s.customers ?? 0), buyers: Number(s.buyers ?? 0), repeatBuyers: Number(s.repeatBuyers ?? 0), netRevenue: Number(s.netRevenue ?? 0) },
    segments: list(doc.details?.segments, RFM_SEGMENTS),
    lifecycle: list(doc.details?.lifecycle, LIFECYCLE_STAGES),
    customerTypes: list(doc.details?.customerTypes, CUSTOMER_TYPES),
    churnRisk: list(doc.details?.models?.churnRisk, CHURN_BANDS.map((b) => ({ code: b, ...(CHURN_LABELS[b] ?? { zh: b, en: b }) }))),
  };
}
