/**
 * The probabilistic customer-base models wired to a shop's orders: valid orders become transactions
 * (distinct purchase days per customer, the papers' convention), BG/NBD and Gamma-Gamma are fitted over
 * a calibration period, and per-customer predictions are aligned back to the dense customer index.
 * A back-test compares predicted with actual repeat purchases in the holdout, in total and by the
 * number of calibration repeat purchases (as in Fader, Hardie & Lee 2005, figure 2).
 */
import {
  bgnbdConditionalExpected,
  CHURN_BANDS,
  fitBgNbd,
  fitGammaGamma,
  predictCustomers,
  summarizeTransactions,
} from '@huitou/core';
import type { BgNbdFit, ClvOptions, GammaGammaFit, ModelError, ModelResult, OrderColumns, RfmSummary, TransactionColumns } from '@huitou/core';

export type ModelUnit = 'day' | 'week';

/** Valid orders as transactions (customer, day, net amount in currency units). */
export function validTransactions(orders: OrderColumns): TransactionColumns {
  let n = 0;
  for (const v of orders.valid) n += v;
  const customer = new Int32Array(n);
  const day = new Int32Array(n);
  const amount = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < orders.valid.length; i++) {
    if (orders.valid[i] !== 1) continue;
    customer[k] = orders.customer[i] ?? 0;
    day[k] = orders.day[i] ?? 0;
    amount[k] = (orders.netCents[i] ?? 0) / 100;
    k++;
  }
  return { customer, day, amount };
}

export interface ModelFits {
  readonly unit: ModelUnit;
  readonly summary: RfmSummary;
  readonly bgnbd: BgNbdFit;
  /** The spend model, or why it could not be fitted (predictions then have no order value or CLV). */
  readonly gammaGamma: ModelResult<GammaGammaFit>;
}

export interface FitRequest {
  readonly calibrationEndDay: number;
  readonly holdoutEndDay?: number;
  readonly unit: ModelUnit;
  /** Fit even with fewer than 100 customers (the models say so when asked to refuse). */
  readonly allowSmallSample?: boolean;
}

export function fitCustomerModels(tx: TransactionColumns, request: FitRequest): ModelResult<ModelFits> {
  const summary = summarizeTransactions(tx, {
    calibrationEndDay: request.calibrationEndDay,
    unit: request.unit,
    ...(request.holdoutEndDay === undefined ? {} : { holdoutEndDay: request.holdoutEndDay }),
  });
  if (!summary.ok) return summary;
  const s = summary.value;
  const small = request.allowSmallSample === true ? { allowSmallSample: true } : {};
  const bgnbd = fitBgNbd({ x: s.x, tx: s.tx, T: s.T }, small);
  if (!bgnbd.ok) return bgnbd;
  const gammaGamma = fitGammaGamma(s.x, s.meanSpend, small);
  return { ok: true, value: { unit: request.unit, summary: s, bgnbd: bgnbd.value, gammaGamma } };
}

/** Predictions per dense customer index; NaN / null for customers without a valid order. */
export interface AlignedPredictions {
  readonly pAlive: Float64Array;
  readonly expected30: Float64Array;
  readonly expected90: Float64Array;
  readonly expected365: Float64Array;
  readonly expectedOrderValue: Float64Array;
  readonly clv: Float64Array;
  readonly nextOrderInDays: Float64Array;
  readonly churnBand: readonly (string | null)[];
  readonly spendModelError: ModelError | null;
}

export function predictAligned(fits: ModelFits, customerCount: number, clv: ClvOptions): ModelResult<AlignedPredictions> {
  const s = fits.summary;
  const spend = fits.gammaGamma.ok ? fits.gammaGamma.value : undefined;
  const predicted = predictCustomers(
    { kind: 'bgnbd', params: fits.bgnbd },
    { x: s.x, tx: s.tx, T: s.T, meanSpend: s.meanSpend },
    { unit: fits.unit, horizonsDays: [30, 90, 365], clv, ...(spend === undefined ? {} : { spend }) },
  );
  if (!predicted.ok) return predicted;
  const p = predicted.value;
  const column = () => new Float64Array(customerCount).fill(Number.NaN);
  const out = {
    pAlive: column(),
    expected30: column(),
    expected90: column(),
    expected365: column(),
    expectedOrderValue: column(),
    clv: column(),
    nextOrderInDays: column(),
    churnBand: new Array<string | null>(customerCount).fill(null),
  };
  const horizon = (days: number) => p.expectedPurchases.find((h) => h.days === days)?.values;
  const [e30, e90, e365] = [horizon(30), horizon(90), horizon(365)];
  for (let row = 0; row < s.customer.length; row++) {
    const c = s.customer[row] ?? 0;
    out.pAlive[c] = p.pAlive[row] ?? Number.NaN;
    out.expected30[c] = e30?.[row] ?? Number.NaN;
    out.expected90[c] = e90?.[row] ?? Number.NaN;
    out.expected365[c] = e365?.[row] ?? Number.NaN;
    out.expectedOrderValue[c] = p.expectedOrderValue?.[row] ?? Number.NaN;
    out.clv[c] = p.clv?.[row] ?? Number.NaN;
    out.nextOrderInDays[c] = p.nextOrderInDays[row] ?? Number.NaN;
    out.churnBand[c] = CHURN_BANDS[p.churnBand[row] ?? 0] ?? null;
  }
  return { ok: true, value: { ...out, spendModelError: fits.gammaGamma.ok ? null : fits.gammaGamma.error } };
}

export interface BacktestRow {
  /** Repeat purchases in calibration (the last row holds this many or more). */
  readonly x: number;
  readonly customers: number;
  readonly predicted: number;
  readonly actual: number;
}

export interface Backtest {
  readonly holdoutDays: number;
  readonly predicted: number;
  readonly actual: number;
  readonly byFrequency: readonly BacktestRow[];
}

/** Predicted vs actual repeat purchases (distinct days) in a holdout of `holdoutDays`, for customers first seen in calibration. */
export function backtest(fits: ModelFits, holdoutDays: number, maxX = 7): Backtest {
  const s = fits.summary;
  const t = holdoutDays / s.daysPerUnit;
  const rows = Array.from({ length: maxX + 1 }, (_, x) => ({ x, customers: 0, predicted: 0, actual: 0 }));
  let predicted = 0;
  let actual = 0;
  for (let i = 0; i < s.x.length; i++) {
    const x = s.x[i] ?? 0;
    const e = bgnbdConditionalExpected(fits.bgnbd, t, x, s.tx[i] ?? 0, s.T[i] ?? 0);
    const a = s.holdoutX[i] ?? 0;
    const row = rows[Math.min(maxX, x)]!;
    row.customers++;
    row.predicted += e;
    row.actual += a;
    predicted += e;
    actual += a;
  }
  return { holdoutDays, predicted, actual, byFrequency: rows };
}
