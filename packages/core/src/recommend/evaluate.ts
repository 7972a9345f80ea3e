import type { LineColumns, OrderColumns } from '../analytics/columns.ts';
import { mineRules, type MineRulesOptions } from './mine-rules.ts';
import { REASON_CODES, type ReasonCode } from './reasons.ts';
import { recommendForCustomers, recommendPopular, type RecommendOptions, type Recommendations } from './recommend.ts';
import { computeSkuProfile } from './sku-profile.ts';

/** Top-N quality over the evaluated customers. */
export interface RecommendationMetrics {
  /** Share of customers with at least one recommended SKU bought in the holdout. */
  readonly hitRate: number;
  /** Mean of hits / N (empty slots count as misses). */
  readonly precision: number;
  /** Mean of hits / distinct SKUs the customer bought in the holdout. */
  readonly recall: number;
  /** Distinct SKUs recommended / SKUs bought in calibration. */
  readonly coverage: number;
  /** Hits (recommended and bought) per reason code. */
  readonly hitsByReason: Readonly<Record<ReasonCode, number>>;
}

/** Options for `evaluateRecommendations`. */
export interface EvaluationOptions extends Omit<RecommendOptions, 'asOfDay' | 'customers' | 'together' | 'after' | 'profile' | 'replenishment'>, Omit<MineRulesOptions, 'asOfDay'> {
  /** Last day of the training (calibration) period. */
  readonly calibrationEndDay: number;
  /** Holdout is calibrationEndDay + 1 … calibrationEndDay + holdoutDays. */
  readonly holdoutDays: number;
  /** Evaluate only holdout buyers who also bought in calibration (default true: a CRM can only message known customers). */
  readonly returningOnly?: boolean;
}

/** Model vs most-popular baseline on the same customers. */
export interface EvaluationResult {
  readonly model: RecommendationMetrics;
  readonly popular: RecommendationMetrics;
  /** Customers scored (holdout buyers, returning only unless `returningOnly: false`). */
  readonly customersEvaluated: number;
}

/**
 * Back-test: mine rules and profile on orders up to `calibrationEndDay`, recommend top-N for every
 * customer who buys in the holdout, and score both the model and the popular baseline against the
 * SKUs each customer actually bought in the holdout.
 */
export function evaluateRecommendations(orders: OrderColumns, lines: LineColumns, options: EvaluationOptions): EvaluationResult {
  const cal = options.calibrationEndDay;
  const end = cal + options.holdoutDays;
  const returningOnly = options.returningOnly ?? true;
  const skuCount = lines.skuCodes.length;
  // Holdout truth per customer, compressed rows over customers who bought in the holdout.
  const seenBefore = new Uint8Array(orders.customerCount);
  const truthCustomer: number[] = [];
  const truthStart: number[] = [0];
  const truthSku: number[] = [];
  const stamp = new Int32Array(skuCount).fill(-1);
  let cur = -1;
  for (let j = 0; j < lines.order.length; j++) {
    const o = lines.order[j]!;
    const d = orders.day[o]!;
    if (orders.valid[o] !== 1 || d > end) continue;
    const c = orders.customer[o]!;
    if (d <= cal) {
      seenBefore[c] = 1;
      continue;
    }
    if (returningOnly && seenBefore[c] !== 1) continue;
    if (c !== cur) {
      if (cur >= 0) truthStart.push(truthSku.length);
      cur = c;
      truthCustomer.push(c);
    }
    const s = lines.sku[j]!;
    if (stamp[s] === c) continue;
    stamp[s] = c;
    truthSku.push(s);
  }
  if (cur >= 0) truthStart.push(truthSku.length);
  const customers = Int32Array.from(truthCustomer);
  const rules = mineRules(orders, lines, { ...options, asOfDay: cal });
  const profile = computeSkuProfile(orders, lines, { ...options, asOfDay: cal });
  const recOptions: RecommendOptions = { horizonDays: options.holdoutDays, ...options, asOfDay: cal, customers, profile, together: rules.together, after: rules.after };
  const model = recommendForCustomers(orders, lines, recOptions);
  const popular = recommendPopular(orders, lines, recOptions);
  let catalogue = 0;
  for (let s = 0; s < skuCount; s++) if (profile.buyers[s]! > 0) catalogue++;
  return {
    model: score(model, truthStart, truthSku, skuCount, catalogue),
    popular: score(popular, truthStart, truthSku, skuCount, catalogue),
    customersEvaluated: customers.length,
  };
}

function score(recs: Recommendations, truthStart: readonly number[], truthSku: readonly number[], skuCount: number, catalogue: number): RecommendationMetrics {
  const n = recs.customer.length;
  const mark = new Int32Array(skuCount).fill(-1);
  const recommended = new Uint8Array(skuCount);
  const byReason = new Float64Array(REASON_CODES.length);
  let hitCustomers = 0;
  let precision = 0;
  let recall = 0;
  for (let r = 0; r < n; r++) {
    const a = truthStart[r]!;
    const b = truthStart[r + 1]!;
    for (let k = a; k < b; k++) mark[truthSku[k]!] = r;
    let hits = 0;
    for (let k = r * recs.topN; k < (r + 1) * recs.topN; k++) {
      const s = recs.sku[k]!;
      if (s < 0) continue;
      recommended[s] = 1;
      if (mark[s] === r) {
        hits++;
        byReason[recs.reason[k]!]!++;
      }
    }
    if (hits > 0) hitCustomers++;
    precision += hits / recs.topN;
    recall += hits / (b - a);
  }
  let distinct = 0;
  for (let s = 0; s < skuCount; s++) distinct += recommended[s]!;
  const hitsByReason = Object.fromEntries(REASON_CODES.map((rc, i) => [rc.code, byReason[i]!])) as Record<ReasonCode, number>;
  const div = (x: number): number => (n > 0 ? x / n : Number.NaN);
  return { hitRate: div(hitCustomers), precision: div(precision), recall: div(recall), coverage: catalogue > 0 ? distinct / catalogue : Number.NaN, hitsByReason };
}
