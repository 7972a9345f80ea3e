/**
 * Per-customer RFM summary in the conventions of the BG/NBD and Pareto/NBD papers
 * (Fader, Hardie & Lee 2005, section 3; the CDNOW calibration/holdout split):
 * - purchases are counted per distinct purchase day; the first purchase day is the trial and
 *   is not a repeat, so x = (distinct calibration purchase days) − 1;
 * - t_x = last calibration purchase day − first purchase day, T = calibration end − first day,
 *   in days or weeks (days / 7, exact);
 * - orders dated on or before the calibration end day are calibration, later ones holdout
 *   (holdout x = distinct purchase days in (calibration end, holdout end]);
 * - mean repeat spend m = (sum of spend on repeat days, same-day orders summed) / x, the
 *   Gamma-Gamma input (Fader & Hardie 2013); 0 when x = 0.
 * Customers whose first purchase falls after the calibration end are not in the cohort.
 */
import { fail, ok, type Result } from '../result.ts';

/** Columnar transactions sorted by customer, then day. */
export interface TransactionColumns {
  /** Dense customer index 0..n−1. */
  readonly customer: Int32Array;
  /** Whole day number (e.g. days since 1970-01-01). */
  readonly day: Int32Array;
  /** Order value. */
  readonly amount: Float64Array;
}

/** Time unit of the summary. */
export type TimeUnit = 'day' | 'week';

/** Options for {@link summarizeTransactions}. */
export interface SummaryOptions {
  /** Last day (inclusive) of the calibration period. */
  readonly calibrationEndDay: number;
  /** Last day (inclusive) of the holdout period; default: no upper limit. */
  readonly holdoutEndDay?: number;
  /** Time unit of t_x and T (default 'week'). */
  readonly unit?: TimeUnit;
}

/** RFM summary, one row per cohort customer (parallel columns). */
export interface RfmSummary {
  /** Original customer index of each row. */
  readonly customer: Int32Array;
  /** Repeat transactions (distinct purchase days after the first) in calibration. */
  readonly x: Float64Array;
  /** Time of the last calibration purchase after the first purchase. */
  readonly tx: Float64Array;
  /** Time from the first purchase to the calibration end. */
  readonly T: Float64Array;
  /** Distinct purchase days in the holdout period. */
  readonly holdoutX: Float64Array;
  /** Mean spend per repeat purchase day (0 when x = 0). */
  readonly meanSpend: Float64Array;
  /** First purchase day. */
  readonly firstDay: Int32Array;
  /** Days per time unit (1 or 7). */
  readonly daysPerUnit: number;
  readonly calibrationEndDay: number;
}

/** Build the RFM summary from sorted transactions; `INVALID_INPUT` if unsorted or ragged. */
export function summarizeTransactions(tx: TransactionColumns, options: SummaryOptions): Result<RfmSummary> {
  const { customer, day, amount } = tx;
  const n = customer.length;
  if (day.length !== n || amount.length !== n) {
    return fail('INVALID_INPUT', 'customer, day and amount columns differ in length', '交易列长度不一致');
  }
  const calEnd = options.calibrationEndDay;
  const holdEnd = options.holdoutEndDay ?? Number.POSITIVE_INFINITY;
  const daysPerUnit = (options.unit ?? 'week') === 'week' ? 7 : 1;
  let groups = 0;
  for (let i = 0; i < n; i++) {
    if (i > 0 && (customer[i]! < customer[i - 1]! || (customer[i] === customer[i - 1] && day[i]! < day[i - 1]!))) {
      return fail('INVALID_INPUT', `transactions are not sorted by customer then day at row ${i}`, `交易未按客户和日期排序（第 ${i} 行）`);
    }
    if (!Number.isFinite(amount[i]!)) return fail('INVALID_INPUT', `non-finite amount at row ${i}`, `第 ${i} 行金额无效`);
    if ((i === 0 || customer[i] !== customer[i - 1]) && day[i]! <= calEnd) groups++;
  }
  const out = {
    customer: new Int32Array(groups), x: new Float64Array(groups), tx: new Float64Array(groups), T: new Float64Array(groups),
    holdoutX: new Float64Array(groups), meanSpend: new Float64Array(groups), firstDay: new Int32Array(groups),
  };
  let row = -1;
  let first = 0, lastDay = 0, repeats = 0, spend = 0, holdout = 0;
  const flush = (): void => {
    if (row < 0) return;
    out.x[row] = repeats;
    out.tx[row] = (lastDay - first) / daysPerUnit;
    out.T[row] = (calEnd - first) / daysPerUnit;
    out.holdoutX[row] = holdout;
    out.meanSpend[row] = repeats > 0 ? spend / repeats : 0;
  };
  let inCohort = false;
  for (let i = 0; i < n; i++) {
    const c = customer[i]!;
    const d = day[i]!;
    const newCustomer = i === 0 || c !== customer[i - 1];
    if (newCustomer) {
      if (inCohort) flush();
      inCohort = d <= calEnd;
      if (!inCohort) continue;
      row++;
      out.customer[row] = c;
      out.firstDay[row] = d;
      first = d; lastDay = d; repeats = 0; spend = 0; holdout = 0;
      continue;
    }
    if (!inCohort) continue;
    const newDay = d !== day[i - 1];
    if (d <= calEnd) {
      if (d === first) continue; // same-day orders on the trial day are part of the trial
      if (newDay) { repeats++; lastDay = d; }
      spend += amount[i]!;
    } else if (d <= holdEnd && newDay) holdout++;
  }
  if (inCohort) flush();
  return ok({ ...out, daysPerUnit, calibrationEndDay: calEnd });
}
