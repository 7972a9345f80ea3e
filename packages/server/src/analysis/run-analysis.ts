/**
 * `huitou analyze`: loads the shop's orders up to the as-of day, runs the per-customer analytics in core,
 * aggregates KPIs and cohorts in SQL, and stores everything in one transaction with a run record, so that
 * reports, campaigns and the API read results instead of recomputing them.
 */
import { CUSTOMER_TYPES, DUE_STATES, LIFECYCLE_STAGES, NO_SEGMENT, NO_STAGE, RFM_SEGMENTS, formatDay } from '@huitou/core';
import type { BulkColumn, BulkWriter, Db } from '../store/database.ts';
import { getOneOrThrow } from '../store/database.ts';
import type { AnalysisOptions } from './analysis-options.ts';
import { computeAnalysis } from './compute-analysis.ts';
import type { AnalysisResult, ModelPart } from './compute-analysis.ts';
import { fitModelsInWorker } from './model-worker/fit-in-worker.ts';
import { loadLineColumns, loadOrderColumns } from './load-columns.ts';
import type { LoadedColumns } from './load-columns.ts';
import { appendCustomerRows, appendTierHistory, customerColumns, tierHistoryColumns } from './write-customer-results.ts';
import { writeKpis } from './write-kpis.ts';
import { DUE_COLUMNS, appendDueRows, summariseDue, writeSkuCycles } from './write-sku-results.ts';

/** The headline numbers `analyze --json` prints under `summary` (exactly these fields). */
export interface AnalysisSummary {
  readonly orders: number;
  readonly validOrders: number;
  readonly lines: number;
  readonly customers: number;
  readonly buyers: number;
  readonly repeatBuyers: number;
  readonly netRevenue: number;
}

export interface AnalysisDetails {
  readonly asOf: string;
  readonly segments: Record<string, number>;
  readonly lifecycle: Record<string, number>;
  readonly lifecycleThresholds: AnalysisResult['lifecycleThresholds'];
  readonly customerTypes: Record<string, number>;
  readonly tiers: Record<string, number>;
  readonly rfmReference: AnalysisResult['rfm']['reference'];
  readonly shopCycleDays: number | null;
  readonly topCustomersRevenueShare: number | null;
  readonly repeatIntervals: readonly { readonly minDays: number; readonly maxDays: number | null; readonly count: number }[];
  readonly skusWithCycle: number;
  readonly dueStates: Record<string, number>;
  /** The fitted models (time unit: day), or why predictions are missing. */
  readonly models: {
    readonly bgnbd: { readonly r: number; readonly alpha: number; readonly a: number; readonly b: number; readonly logLikelihood: number } | null;
    readonly gammaGamma: { readonly p: number; readonly q: number; readonly gamma: number; readonly logLikelihood: number } | null;
    readonly error: string | null;
    readonly churnRisk: Record<string, number>;
  };
}

export interface AnalysisRun {
  readonly runId: number;
  readonly summary: AnalysisSummary;
  readonly details: AnalysisDetails;
  readonly timings: Readonly<Record<string, number>>;
}

/** Placeholder while the worker fits the models (replaced before anything is written). */
const NO_MODELS: ModelPart = { models: null, predictions: null, modelError: null };

export async function runAnalysis(db: Db, shopId: number, timeZone: string, options: AnalysisOptions): Promise<AnalysisRun> {
  const timings: Record<string, number> = {};
  const t0 = performance.now();
  return db.transaction(async () => {
    const orders = await loadOrderColumns(db, shopId, timeZone, options.asOfDay);
    timings['loadOrders'] = performance.now() - t0;
    // The models need orders only: a worker thread fits them while this one loads the lines and computes the
    // per-customer analytics.
    const tm = performance.now();
    const fitting = fitModelsInWorker(orders.orders, options);
    const tl = performance.now();
    const data = await loadLineColumns(db, shopId, orders);
    timings['loadLines'] = performance.now() - tl;
    const analytics = computeAnalysis(data, options, NO_MODELS);
    const tw = performance.now();
    const modelPart = await fitting;
    timings['modelsWait'] = performance.now() - tw;
    timings['models'] = performance.now() - tm;
    const result: AnalysisResult = { ...analytics, ...modelPart };
    Object.assign(timings, analytics.timings);
    const { runId } = await getOneOrThrow<{ runId: number }>(db, `SELECT nextval('analysis_run_id_seq') AS "runId"`);
    const t1 = performance.now();
    await writeSkuCycles(db, shopId, data, result);
    for (const table of ['customer_analysis', 'customer_tier_history', 'customer_sku_due']) await db.run(`DELETE FROM ${table} WHERE shop_id = $1`, [shopId]);
    const due = summariseDue(result, data.orders.customerCount, options.asOfDay);
    const step = async (name: string, f: () => Promise<void>) => {
      const t = performance.now();
      await f();
      timings[name] = performance.now() - t;
    };
    await step('writeCustomerRows', () => writeRows(db, 'customer_analysis', customerColumns(options), (w) => appendCustomerRows(w, 0, data.orders.customerCount, shopId, runId, data, result, options, due)));
    await step('writeTierHistory', () => writeRows(db, 'customer_tier_history', tierHistoryColumns(options), (w) => appendTierHistory(w, shopId, data, result, options)));
    await step('writeDueRows', () => writeRows(db, 'customer_sku_due', DUE_COLUMNS, (w) => appendDueRows(w, shopId, data, result, options.asOfDay)));
    timings['writeCustomers'] = performance.now() - t1;
    const t3 = performance.now();
    await writeKpis(db, shopId, result);
    timings['kpis'] = performance.now() - t3;
    const summary = summarise(data, result, data.lineCount);
    const details = describe(result, options);
    await db.run(
      `INSERT INTO analysis_runs (run_id, shop_id, as_of, options, summary) VALUES ($1, $2, DATE '1970-01-01' + $3, $4, $5)`,
      [runId, shopId, options.asOfDay, JSON.stringify(options), JSON.stringify({ summary, details })],
    );
    timings['total'] = performance.now() - t0;
    return { runId, summary, details, timings };
  });
}

/** Appends rows to a table through the dialect's bulk writer (DuckDB: data chunks). */
async function writeRows(db: Db, table: string, columns: readonly BulkColumn[], build: (writer: BulkWriter) => void): Promise<void> {
  const writer = await db.bulkWriter(table, columns);
  build(writer);
  await writer.close();
}

function summarise(data: LoadedColumns, r: AnalysisResult, lines: number): AnalysisSummary {
  let validOrders = 0;
  let netCents = 0;
  const o = data.orders;
  for (let i = 0; i < o.valid.length; i++) {
    if (o.valid[i] === 1) {
      validOrders++;
      netCents += o.netCents[i] ?? 0;
    }
  }
  let buyers = 0;
  let repeatBuyers = 0;
  for (let c = 0; c < o.customerCount; c++) {
    const v = r.facts.validOrders[c] ?? 0;
    if (v >= 1) buyers++;
    if (v >= 2) repeatBuyers++;
  }
  return { orders: o.customer.length, validOrders, lines, customers: o.customerCount, buyers, repeatBuyers, netRevenue: Math.round(netCents) / 100 };
}

function countCodes(values: Uint8Array | Int8Array, codeOf: (v: number) => string | null): Record<string, number> {
  // Counted by value first (the values are small codes), named after: no call per customer.
  const counts = new Map<number, number>();
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  const out: Record<string, number> = {};
  for (const [v, n] of [...counts].sort((a, b) => a[0] - b[0])) {
    const code = codeOf(v);
    if (code !== null) out[code] = (out[code] ?? 0) + n;
  }
  return out;
}

function describe(r: AnalysisResult, options: AnalysisOptions): AnalysisDetails {
  let skusWithCycle = 0;
  for (const m of r.skuCycles.medianDaysPerUnit) if (Number.isFinite(m)) skusWithCycle++;
  const shopCycle = r.customerCycles.shop.medianDays;
  const share = r.concentration.share;
  return {
    asOf: formatDay(options.asOfDay),
    segments: countCodes(r.rfm.segment, (v) => (v === NO_SEGMENT ? null : (RFM_SEGMENTS[v]?.code ?? null))),
    lifecycle: countCodes(r.stages, (v) => (v === NO_STAGE ? null : (LIFECYCLE_STAGES[v]?.code ?? null))),
    lifecycleThresholds: r.lifecycleThresholds,
    customerTypes: countCodes(r.types, (v) => CUSTOMER_TYPES[v]?.code ?? null),
    tiers: countCodes(r.tiers.current, (v) => options.tiers.tiers[v]?.code ?? 'none'),
    rfmReference: r.rfm.reference,
    shopCycleDays: Number.isFinite(shopCycle) ? shopCycle : null,
    topCustomersRevenueShare: Number.isFinite(share) ? share : null,
    repeatIntervals: r.intervals.map((b) => ({ minDays: b.minDays, maxDays: b.maxDays, count: b.count })),
    skusWithCycle,
    dueStates: countCodes(r.replenishment.state, (v) => DUE_STATES[v]?.code ?? null),
    models: describeModels(r),
  };
}

function describeModels(r: AnalysisResult): AnalysisDetails['models'] {
  const churnRisk: Record<string, number> = {};
  for (const band of r.predictions?.churnBand ?? []) if (band !== null) churnRisk[band] = (churnRisk[band] ?? 0) + 1;
  const m = r.models;
  const gg = m?.gammaGamma.ok === true ? m.gammaGamma.value : null;
  const error = r.modelError?.message ?? (m !== null && !m.gammaGamma.ok ? `spend model: ${m.gammaGamma.error.message}` : null);
  return {
    bgnbd: m === null ? null : { r: m.bgnbd.r, alpha: m.bgnbd.alpha, a: m.bgnbd.a, b: m.bgnbd.b, logLikelihood: m.bgnbd.logLikelihood },
    gammaGamma: gg === null ? null : { p: gg.p, q: gg.q, gamma: gg.gamma, logLikelihood: gg.logLikelihood },
    error,
    churnRisk,
  };
}
