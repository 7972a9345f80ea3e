/**
 * Validated, prepared (x, t_x, T, weight) input shared by the BG/NBD and Pareto/NBD fitters:
 * the typed hard cases (too few customers, T = 0 everywhere, no repeat purchases, bad values)
 * are decided here, and distinct frequencies are indexed so that per-x Γ/ψ terms are computed
 * once per likelihood evaluation instead of once per customer.
 */
import { compressRfm, type WeightedRfm } from './summary/compress.ts';
import { fail, ok, type Result } from './result.ts';

/** Per-customer calibration summary accepted by the fitters (weight defaults to 1). */
export interface RfmInput {
  readonly x: ArrayLike<number>;
  readonly tx: ArrayLike<number>;
  readonly T: ArrayLike<number>;
  readonly weight?: ArrayLike<number>;
}

/** Options common to the customer-base fitters. */
export interface CommonFitOptions {
  /** Fit even with fewer than `minCustomers` customers (default false). */
  readonly allowSmallSample?: boolean;
  /** Minimum customer count (default 100). */
  readonly minCustomers?: number;
  /** Collapse identical (x, t_x, T) rows first: 'auto' (default) keeps it when it saves >= 20 %. */
  readonly compress?: boolean | 'auto';
  readonly maxIterations?: number;
  /** Gradient tolerance on the mean negative log-likelihood per log-parameter (default 1e-9). */
  readonly gradTol?: number;
}

/** Prepared data: rows, weights, and each row's index into the distinct frequencies. */
export interface PreparedRfm {
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
  readonly weight: Float64Array;
  readonly xIndex: Int32Array;
  readonly distinctX: Float64Array;
  /** Total weight of customers at each distinct frequency. */
  readonly weightAtX: Float64Array;
  readonly totalWeight: number;
  readonly maxT: number;
}

/** Validate and prepare the fitter input; see the module comment for the failure codes. */
export function prepareRfm(input: RfmInput, options: CommonFitOptions = {}): Result<PreparedRfm> {
  const n = input.x.length;
  if (input.tx.length !== n || input.T.length !== n || (input.weight !== undefined && input.weight.length !== n)) {
    return fail('INVALID_INPUT', 'x, t_x, T (and weight) must have the same length', 'x、t_x、T（及权重）长度必须一致');
  }
  let total = 0, repeats = 0, maxT = 0;
  for (let i = 0; i < n; i++) {
    const x = input.x[i]!, tx = input.tx[i]!, T = input.T[i]!, w = input.weight?.[i] ?? 1;
    if (!(Number.isInteger(x) && x >= 0 && Number.isFinite(tx) && Number.isFinite(T) && tx >= 0 && T >= 0 && w >= 0 && Number.isFinite(w))) {
      return fail('INVALID_INPUT', `row ${i}: need integer x >= 0, finite t_x >= 0, T >= 0 and weight >= 0`, `第 ${i} 行数据无效`);
    }
    if (tx > T * (1 + 1e-12) + 1e-12) return fail('INVALID_INPUT', `row ${i}: t_x (${tx}) exceeds T (${T})`, `第 ${i} 行：最后购买时间晚于观察期`);
    total += w;
    if (x > 0) repeats += w;
    if (w > 0 && T > maxT) maxT = T;
  }
  const minCustomers = options.minCustomers ?? 100;
  if (total < minCustomers && options.allowSmallSample !== true) {
    return fail('TOO_FEW_CUSTOMERS', `only ${total} customers; at least ${minCustomers} are needed (set allowSmallSample to override)`, `客户数过少（${total}），至少需要 ${minCustomers} 位`);
  }
  if (maxT === 0) {
    return fail('ZERO_OBSERVATION_TIME', 'every customer has T = 0 (all first purchases on the calibration end day): nothing to fit', '所有客户的观察期为 0（都在同一天首次购买），无法拟合');
  }
  if (repeats === 0) {
    return fail('NO_REPEAT_PURCHASES', 'no customer has a repeat purchase: the dropout process cannot be estimated', '没有任何复购记录，无法拟合模型');
  }
  const mode = options.compress ?? 'auto';
  let rows: WeightedRfm = { x: Float64Array.from(input.x), tx: Float64Array.from(input.tx), T: Float64Array.from(input.T), weight: Float64Array.from({ length: n }, (_, i) => input.weight?.[i] ?? 1) };
  if (mode !== false) {
    const c = compressRfm(rows.x, rows.tx, rows.T, rows.weight);
    if (mode === true || c.x.length <= 0.8 * n) rows = c;
  }
  const m = rows.x.length;
  const map = new Map<number, number>();
  const xIndex = new Int32Array(m);
  const values: number[] = [];
  for (let i = 0; i < m; i++) {
    const x = rows.x[i]!;
    let k = map.get(x);
    if (k === undefined) { k = values.length; map.set(x, k); values.push(x); }
    xIndex[i] = k;
  }
  const weightAtX = new Float64Array(values.length);
  for (let i = 0; i < m; i++) weightAtX[xIndex[i]!] = weightAtX[xIndex[i]!]! + rows.weight[i]!;
  return ok({ ...rows, xIndex, distinctX: Float64Array.from(values), weightAtX, totalWeight: total, maxT });
}
