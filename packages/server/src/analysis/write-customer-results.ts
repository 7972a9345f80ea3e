/**
 * Rows of per-customer results (facts, RFM, lifecycle, type, tier, cycle, predictions, due summary) for
 * customer_analysis — one row per customer, in the table's column order — and of the tier history. The
 * analysis appends them to bulk batches (run-analysis) in ranges of customers, so that one range loads
 * while the next is built.
 */
import { CHURN_BANDS, CUSTOMER_TYPES, DUE_STATES, LIFECYCLE_STAGES, NO_DAY, NO_SEGMENT, NO_STAGE, RFM_SEGMENTS, TOP_SKUS } from '@huitou/core';
import type { BulkColumn, BulkWriter } from '../store/database.ts';
import type { AnalysisOptions } from './analysis-options.ts';
import type { AnalysisResult } from './compute-analysis.ts';
import type { LoadedColumns } from './load-columns.ts';
import type { CustomerDueSummary } from './write-sku-results.ts';

/** customer_analysis, column by column in table order. */
const CUSTOMER_COLUMNS: readonly BulkColumn[] = [
  { name: 'shop_id', type: 'int' },
  { name: 'customer_id', type: 'double' },
  { name: 'run_id', type: 'double' },
  { name: 'orders', type: 'int' },
  { name: 'valid_orders', type: 'int' },
  { name: 'purchase_days', type: 'int' },
  { name: 'first_order', type: 'date' },
  { name: 'last_order', type: 'date' },
  { name: 'recency_days', type: 'int' },
  { name: 'net_spend', type: 'double' },
  { name: 'avg_order_value', type: 'double' },
  { name: 'items', type: 'int' },
  { name: 'refund_orders', type: 'int' },
  { name: 'refund_amount', type: 'double' },
  { name: 'mean_interval_days', type: 'double' },
  { name: 'median_interval_days', type: 'double' },
  { name: 'top_skus', type: 'text' },
  { name: 'r_score', type: 'int' },
  { name: 'f_score', type: 'int' },
  { name: 'm_score', type: 'int' },
  { name: 'rfm_segment', type: 'text', values: RFM_SEGMENTS.map((x) => x.code) },
  { name: 'lifecycle', type: 'text', values: LIFECYCLE_STAGES.map((x) => x.code) },
  { name: 'customer_type', type: 'text', values: CUSTOMER_TYPES.map((x) => x.code) },
  { name: 'tier', type: 'text' },
  { name: 'tier_discount', type: 'double' },
  { name: 'tier_since', type: 'date' },
  { name: 'cycle_days', type: 'double' },
  { name: 'p_alive', type: 'double' },
  { name: 'expected_30', type: 'double' },
  { name: 'expected_90', type: 'double' },
  { name: 'expected_365', type: 'double' },
  { name: 'expected_order_value', type: 'double' },
  { name: 'clv', type: 'double' },
  { name: 'next_order', type: 'date' },
  { name: 'churn_risk', type: 'text', values: [...CHURN_BANDS] },
  { name: 'due_state', type: 'text', values: DUE_STATES.map((x) => x.code) },
  { name: 'next_due', type: 'date' },
  { name: 'due_soon_skus', type: 'int' },
  { name: 'due_skus', type: 'int' },
  { name: 'overdue_skus', type: 'int' },
];

/** customer_analysis columns for a run, the tier codes of its options declared. */
export function customerColumns(options: AnalysisOptions): readonly BulkColumn[] {
  const tiers = [...options.tiers.tiers.map((t) => t.code), 'none'];
  return CUSTOMER_COLUMNS.map((c) => (c.name === 'tier' ? { ...c, values: tiers } : c));
}

const DUE_SOON = DUE_STATES.findIndex((s) => s.code === 'due_soon');
const DUE = DUE_STATES.findIndex((s) => s.code === 'due');
const OVERDUE = DUE_STATES.findIndex((s) => s.code === 'overdue');

const day = (d: number) => (d === NO_DAY ? null : d);
const num = (v: number) => (Number.isFinite(v) ? v : null);
const money = (cents: number) => (Number.isFinite(cents) ? Math.round(cents) / 100 : null);

/** Appends the customer_analysis rows of dense customers from ≤ c < to (one row each, table column order). */
/** Appends the customer_analysis rows of dense customers from ≤ c < to. */
export function appendCustomerRows(
  writer: BulkWriter,
  from: number,
  to: number,
  shopId: number,
  runId: number,
  data: LoadedColumns,
  r: AnalysisResult,
  options: AnalysisOptions,
  due: CustomerDueSummary,
): void {
  const { facts, rfm, stages, types, tiers, customerCycles, predictions: p } = r;
  const pred = (col: Float64Array | undefined, c: number) => (col === undefined ? null : num(col[c] ?? Number.NaN));
  const tierRules = options.tiers.tiers;
  const row: (string | number | null)[] = new Array<string | number | null>(CUSTOMER_COLUMNS.length).fill(null);
  const nStates = DUE_STATES.length;
  for (let c = from; c < to; c++) {
    const tier = tiers.current[c] ?? -1;
    const rule = tier >= 0 ? tierRules[tier] : undefined;
    const seg = rfm.segment[c] ?? NO_SEGMENT;
    const stage = stages[c] ?? NO_STAGE;
    let top: string | null = null;
    for (let k = 0; k < TOP_SKUS; k++) {
      const sku = facts.topSku[c * TOP_SKUS + k] ?? -1;
      if (sku < 0) continue;
      const entry = `${data.productKeys[sku] ?? ''}×${facts.topSkuQuantity[c * TOP_SKUS + k] ?? 0}`;
      top = top === null ? entry : `${top}, ${entry}`;
    }
    const buyer = (facts.validOrders[c] ?? 0) > 0;
    const next = p === null ? Number.NaN : (p.nextOrderInDays[c] ?? Number.NaN);
    let i = 0;
    row[i++] = shopId;
    row[i++] = data.customerIds[c] ?? 0;
    row[i++] = runId;
    row[i++] = facts.orders[c] ?? 0;
    row[i++] = facts.validOrders[c] ?? 0;
    row[i++] = facts.purchaseDays[c] ?? 0;
    row[i++] = day(facts.firstDay[c] ?? NO_DAY);
    row[i++] = day(facts.lastDay[c] ?? NO_DAY);
    row[i++] = buyer ? (rfm.recencyDays[c] ?? null) : null;
    row[i++] = money(facts.netCents[c] ?? 0);
    row[i++] = money(facts.avgOrderCents[c] ?? Number.NaN);
    row[i++] = Math.round(facts.items[c] ?? 0);
    row[i++] = facts.refundOrders[c] ?? 0;
    row[i++] = money(facts.refundCents[c] ?? 0);
    row[i++] = num(facts.meanIntervalDays[c] ?? Number.NaN);
    row[i++] = num(facts.medianIntervalDays[c] ?? Number.NaN);
    row[i++] = top;
    row[i++] = buyer ? (rfm.r[c] ?? null) : null;
    row[i++] = buyer ? (rfm.f[c] ?? null) : null;
    row[i++] = buyer ? (rfm.m[c] ?? null) : null;
    row[i++] = seg === NO_SEGMENT ? null : (RFM_SEGMENTS[seg]?.code ?? null);
    row[i++] = stage === NO_STAGE ? null : (LIFECYCLE_STAGES[stage]?.code ?? null);
    row[i++] = CUSTOMER_TYPES[types[c] ?? 0]?.code ?? 'potential';
    row[i++] = rule?.code ?? 'none';
    row[i++] = rule?.discountZhe ?? null;
    row[i++] = rule === undefined ? null : day(tiers.currentSince[c] ?? NO_DAY);
    row[i++] = num(customerCycles.medianDays[c] ?? Number.NaN);
    row[i++] = pred(p?.pAlive, c);
    row[i++] = pred(p?.expected30, c);
    row[i++] = pred(p?.expected90, c);
    row[i++] = pred(p?.expected365, c);
    row[i++] = pred(p?.expectedOrderValue, c);
    row[i++] = pred(p?.clv, c);
    row[i++] = Number.isFinite(next) ? options.asOfDay + Math.round(next) : null;
    row[i++] = p?.churnBand[c] ?? null;
    const overdue = due.counts[c * nStates + OVERDUE] ?? 0;
    const dueNow = due.counts[c * nStates + DUE] ?? 0;
    const dueSoon = due.counts[c * nStates + DUE_SOON] ?? 0;
    row[i++] = overdue > 0 ? 'overdue' : dueNow > 0 ? 'due' : dueSoon > 0 ? 'due_soon' : null;
    row[i++] = num(due.nextDue[c] ?? Number.NaN);
    row[i++] = dueSoon;
    row[i++] = dueNow;
    row[i++] = overdue;
    writer.appendRow(row);
  }
}

/** customer_tier_history, column by column. */
export function tierHistoryColumns(options: AnalysisOptions): readonly BulkColumn[] {
  const tiers = [...options.tiers.tiers.map((t) => t.code), 'none'];
  return [
    { name: 'shop_id', type: 'int' },
    { name: 'customer_id', type: 'double' },
    { name: 'changed_on', type: 'date' },
    { name: 'from_tier', type: 'text', values: tiers },
    { name: 'to_tier', type: 'text', values: tiers },
    { name: 'direction', type: 'text', values: ['up', 'down'] },
  ];
}

/** Appends every tier change of the run. */
export function appendTierHistory(writer: BulkWriter, shopId: number, data: LoadedColumns, r: AnalysisResult, options: AnalysisOptions): void {
  const t = r.tiers;
  const code = (i: number) => options.tiers.tiers[i]?.code ?? 'none';
  for (let e = 0; e < t.eventCustomer.length; e++) {
    const from = t.eventFrom[e] ?? -1;
    const to = t.eventTo[e] ?? -1;
    writer.appendRow([shopId, data.customerIds[t.eventCustomer[e] ?? 0] ?? 0, t.eventDay[e] ?? 0, code(from), code(to), to > from ? 'up' : 'down']);
  }
}
