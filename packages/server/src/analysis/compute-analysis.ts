/** Runs core's per-customer analytics over loaded columns: pure computation, no I/O. */
import {
  adaptiveLifecycleThresholds,
  cohortRetention,
  computeCustomerFacts,
  computeCustomerTypes,
  computeLifecycle,
  computeReplenishment,
  computeRfm,
  computeTierHistory,
  estimateCustomerCycles,
  estimateSkuCycles,
  kpiPeriods,
  repeatIntervalHistogram,
  revenueConcentration,
} from '@huitou/core';
import type {
  CohortRetention,
  CustomerCycles,
  CustomerFacts,
  IntervalBucket,
  KpiPeriod,
  LifecycleThresholds,
  ReplenishmentList,
  RevenueConcentration,
  RfmResult,
  SkuCycles,
  TierHistory,
} from '@huitou/core';
import type { ModelError, OrderColumns } from '@huitou/core';
import type { AnalysisOptions } from './analysis-options.ts';
import { fitCustomerModels, predictAligned, validTransactions } from './customer-models.ts';
import type { AlignedPredictions, ModelFits } from './customer-models.ts';
import type { LoadedColumns } from './load-columns.ts';

export interface AnalysisResult {
  readonly facts: CustomerFacts;
  readonly rfm: RfmResult;
  readonly lifecycleThresholds: LifecycleThresholds;
  readonly stages: Uint8Array;
  readonly types: Uint8Array;
  readonly tiers: TierHistory;
  readonly customerCycles: CustomerCycles;
  readonly skuCycles: SkuCycles;
  readonly replenishment: ReplenishmentList;
  readonly concentration: RevenueConcentration;
  readonly intervals: readonly IntervalBucket[];
  readonly cohorts: CohortRetention;
  /** Old-customer KPIs per day, 7/30/90-day period and month. */
  readonly kpis: readonly KpiPeriod[];
  /** BG/NBD + Gamma-Gamma fit and per-customer predictions, or why there are none. */
  readonly models: ModelFits | null;
  readonly predictions: AlignedPredictions | null;
  readonly modelError: ModelError | null;
  /** Milliseconds per step, for benchmarks. */
  readonly timings: Readonly<Record<string, number>>;
}

/** The fitted models and aligned predictions, or why there are none (null throughout when predictions are off). */
export interface ModelPart {
  readonly models: ModelFits | null;
  readonly predictions: AlignedPredictions | null;
  readonly modelError: ModelError | null;
}

/** BG/NBD + Gamma-Gamma on the valid orders and the per-customer predictions; needs orders only. */
export function computeModels(orders: OrderColumns, options: AnalysisOptions): ModelPart {
  if (!options.predictions) return { models: null, predictions: null, modelError: null };
  const fits = fitCustomerModels(validTransactions(orders), { calibrationEndDay: options.asOfDay, unit: 'day' });
  if (!fits.ok) return { models: null, predictions: null, modelError: fits.error };
  const aligned = predictAligned(fits.value, orders.customerCount, {
    months: options.clvMonths,
    monthlyDiscountRate: options.monthlyDiscountRate,
    grossMargin: options.grossMargin,
  });
  return aligned.ok
    ? { models: fits.value, predictions: aligned.value, modelError: null }
    : { models: fits.value, predictions: null, modelError: aligned.error };
}

/** `precomputed`: the models when they were computed already (the analysis fits them while lines load). */
export function computeAnalysis(data: LoadedColumns, options: AnalysisOptions, precomputed?: ModelPart): AnalysisResult {
  const timings: Record<string, number> = {};
  const step = <T>(name: string, f: () => T): T => {
    const t0 = performance.now();
    const out = f();
    timings[name] = performance.now() - t0;
    return out;
  };
  const { orders, lines } = data;
  const asOf = options.asOfDay;
  const facts = step('facts', () => computeCustomerFacts(orders, lines, asOf));
  const rfm = step('rfm', () => computeRfm(facts, { reference: options.rfmReference, basis: options.rfmBasis }));
  const customerCycles = step('customerCycles', () => estimateCustomerCycles(orders, asOf, options.promotions));
  const lifecycleThresholds =
    options.lifecycleMode === 'adaptive' ? adaptiveLifecycleThresholds(customerCycles.shop.medianDays) : options.lifecycleThresholds;
  const stages = step('lifecycle', () => computeLifecycle(facts, lifecycleThresholds));
  const types = step('types', () =>
    computeCustomerTypes(facts, stages, { newWithinDays: options.newWithinDays, loyalMinOrders: options.loyalMinOrders }),
  );
  const tiers = step('tiers', () => computeTierHistory(orders, options.tiers, asOf));
  const skuCycles = step('skuCycles', () => estimateSkuCycles(orders, lines, asOf, options.promotions));
  const replenishment = step('replenishment', () =>
    computeReplenishment(orders, lines, skuCycles, asOf, { dueSoonDays: options.dueSoonDays, overdueAfterDays: options.overdueAfterDays }),
  );
  const concentration = step('concentration', () => revenueConcentration(facts, 0.2));
  const intervals = step('intervals', () => repeatIntervalHistogram(orders, asOf));
  const cohorts = step('cohorts', () => cohortRetention(orders, asOf));
  const kpis = step('kpiPeriods', () => kpiPeriods(orders, data.amountCents, asOf));
  const modelPart = precomputed ?? step('models', () => computeModels(orders, options));
  const { models, predictions, modelError } = modelPart;
  return {
    facts, rfm, lifecycleThresholds, stages, types, tiers, customerCycles, skuCycles, replenishment, concentration, intervals, cohorts, kpis,
    models, predictions, modelError, timings,
  };
}
