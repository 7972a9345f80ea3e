/**
 * Columnar per-customer predictions from a fitted purchase model (and optionally a
 * Gamma-Gamma spend model): P(alive), expected purchases over day horizons, expected order
 * value, CLV, predicted time to next order and churn-risk band.
 */
import { gammaGammaExpectedSpend, type GammaGammaParams } from '../gamma-gamma/fit.ts';
import { fail, ok, type Result } from '../result.ts';
import { churnBandCode, DEFAULT_CHURN_THRESHOLDS, validChurnThresholds, type ChurnThresholds } from './churn-band.ts';
import { customerLifetimeValue, UNITS_PER_MONTH, type ClvOptions } from './clv.ts';
import { conditionalExpected, medianTimeToNextPurchaseIfAlive, probabilityAlive, type PurchaseModel } from './models-adapter.ts';

/** Per-customer calibration summary (same unit as the model fit). */
export interface PredictionInput {
  readonly x: ArrayLike<number>;
  readonly tx: ArrayLike<number>;
  readonly T: ArrayLike<number>;
  /** Mean repeat spend (needed for order value and CLV). */
  readonly meanSpend?: ArrayLike<number>;
}

/** Prediction settings. */
export interface PredictionOptions {
  /** Time unit of the fit. */
  readonly unit: 'day' | 'week';
  /** Horizons in days for expected purchases (default 30, 90, 365). */
  readonly horizonsDays?: readonly number[];
  /** Spend model; when absent, order value and CLV are null. */
  readonly spend?: GammaGammaParams;
  readonly clv?: ClvOptions;
  readonly churnThresholds?: ChurnThresholds;
}

/** Columnar outputs, one entry per input customer. */
export interface CustomerPredictions {
  readonly pAlive: Float64Array;
  /** Expected purchases in the next `days` days, one column per horizon. */
  readonly expectedPurchases: readonly { readonly days: number; readonly values: Float64Array }[];
  /** Gamma-Gamma E[M | x, m] (population mean for x = 0); null without a spend model. */
  readonly expectedOrderValue: Float64Array | null;
  /** Discounted CLV (margin applied); null without a spend model. */
  readonly clv: Float64Array | null;
  /** Median days to the next order if alive (see `medianTimeToNextPurchaseIfAlive`). */
  readonly nextOrderInDays: Float64Array;
  /** Churn band codes: 0 low, 1 medium, 2 high, 3 lost (see CHURN_BANDS). */
  readonly churnBand: Uint8Array;
}

/** Compute all per-customer predictions; typed failure instead of any NaN output. */
export function predictCustomers(model: PurchaseModel, input: PredictionInput, options: PredictionOptions): Result<CustomerPredictions> {
  const n = input.x.length;
  if (input.tx.length !== n || input.T.length !== n || (input.meanSpend !== undefined && input.meanSpend.length !== n)) {
    return fail('INVALID_INPUT', 'x, t_x, T (and meanSpend) must have the same length', 'x、t_x、T（及平均消费）长度必须一致');
  }
  const th = options.churnThresholds ?? DEFAULT_CHURN_THRESHOLDS;
  if (!validChurnThresholds(th)) return fail('INVALID_INPUT', 'churn thresholds must satisfy 1 >= low >= medium >= high >= 0', '流失阈值顺序无效');
  const spend = options.spend;
  if (spend !== undefined && !(spend.q > 1)) return fail('GG_Q_NOT_ABOVE_ONE', `q = ${spend.q} <= 1: expected spend is undefined`, `q=${spend.q} ≤ 1，期望客单价无定义`);
  if (spend !== undefined && input.meanSpend === undefined) return fail('INVALID_INPUT', 'meanSpend is required with a spend model', '使用消费模型时需要平均消费');
  const daysPerUnit = options.unit === 'week' ? 7 : 1;
  const horizons = options.horizonsDays ?? [30, 90, 365];
  const pAlive = new Float64Array(n);
  const expected = horizons.map((days) => ({ days, values: new Float64Array(n) }));
  const eov = spend !== undefined ? new Float64Array(n) : null;
  const clv = spend !== undefined ? new Float64Array(n) : null;
  const next = new Float64Array(n);
  const band = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const x = input.x[i]!, tx = input.tx[i]!, T = input.T[i]!;
    if (!(Number.isInteger(x) && x >= 0 && tx >= 0 && T >= tx)) {
      return fail('INVALID_INPUT', `row ${i}: need integer x >= 0 and 0 <= t_x <= T`, `第 ${i} 行数据无效`);
    }
    const pa = probabilityAlive(model, x, tx, T);
    pAlive[i] = pa;
    band[i] = churnBandCode(pa, th);
    next[i] = medianTimeToNextPurchaseIfAlive(model, x, T) * daysPerUnit;
    let finite = Number.isFinite(pa) && Number.isFinite(next[i]!);
    for (const col of expected) {
      const v = conditionalExpected(model, col.days / daysPerUnit, x, tx, T);
      col.values[i] = v;
      finite &&= Number.isFinite(v);
    }
    if (spend !== undefined && eov !== null && clv !== null) {
      const m = x > 0 ? input.meanSpend![i]! : 0;
      const e = gammaGammaExpectedSpend(spend, x, m);
      eov[i] = e;
      clv[i] = customerLifetimeValue(model, UNITS_PER_MONTH[options.unit], e, x, tx, T, options.clv);
      finite &&= Number.isFinite(e) && Number.isFinite(clv[i]!);
    }
    if (!finite) {
      return fail('NUMERICAL_FAILURE', `prediction for row ${i} (x=${x}, t_x=${tx}, T=${T}) is not finite`, `第 ${i} 行预测结果无效`);
    }
  }
  return ok({ pAlive, expectedPurchases: expected, expectedOrderValue: eov, clv, nextOrderInDays: next, churnBand: band });
}
