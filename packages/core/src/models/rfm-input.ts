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
  /** Rows are ordered with all x = 0 rows first; this many of them. */
  readonly zeroRows: number;
}

interface RfmColumns {
  readonly x: ArrayLike<number>;
  readonly tx: ArrayLike<number>;
  readonly T: ArrayLike<number>;
  readonly weight: ArrayLike<number>;
}

/** Cheap check on a strided sample of 20,000 rows: compress only if it shows >= 10 % duplicates. */
function worthCompressing(rows: RfmColumns): boolean {
  const n = rows.x.length;
  if (n <= 40_000) return true;
  const step = Math.floor(n / 20_000);
  const pick = (a: ArrayLike<number>): Float64Array => {
    const out = new Float64Array(20_000);
    for (let j = 0; j < 20_000; j++) out[j] = a[j * step]!;
    return out;
  };
  const sample = compressRfm(pick(rows.x), pick(rows.tx), pick(rows.T));
  return sample.x.length <= 0.9 * 20_000;
}

/** Stable partition: x = 0 rows first, so the likelihood loops run without a branch per row. */
function zerosFirst(rows: RfmColumns): WeightedRfm {
  const n = rows.x.length;
  let zeros = 0;
  for (let i = 0; i < n; i++) if (rows.x[i] === 0) zeros++;
  const out = { x: new Float64Array(n), tx: new Float64Array(n), T: new Float64Array(n), weight: new Float64Array(n) };
  let z = 0, p = zeros;
  for (let i = 0; i < n; i++) {
    const j = rows.x[i] === 0 ? z++ : p++;
    out.x[j] = rows.x[i]!; out.tx[j] = rows.tx[i]!; out.T[j] = rows.T[i]!; out.weight[j] = rows.weight[i]!;
  }
  return out;
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
  const raw = { x: input.x, tx: input.tx, T: input.T, weight: input.weight ?? new Float64Array(n).fill(1) };
  let rows: WeightedRfm | null = null;
  if (mode === true || (mode === 'auto' && worthCompressing(raw))) {
    const c = compressRfm(raw.x, raw.tx, raw.T, raw.weight);
    if (mode === true || c.x.length <= 0.8 * n) rows = zerosFirst(c);
  }
  rows ??= zerosFirst(raw);
  let zeroRows = 0;
  while (zeroRows < rows.x.length && rows.x[zeroRows] === 0) zeroRows++;
  const m = rows.x.length;
  const xIndex = new Int32Array(m);
  const values: number[] = [];
  const small = new Int32Array(4096).fill(-1);
  const map = new Map<number, number>();
  for (let i = 0; i < m; i++) {
    const x = rows.x[i]!;
    let k = x < 4096 ? small[x]! : (map.get(x) ?? -1);
    if (k < 0) {
      k = values.length;
      values.push(x);
      if (x < 4096) small[x] = k;
      else map.set(x, k);
    }
    xIndex[i] = k;
  }
  const weightAtX = new Float64Array(values.length);
  for (let i = 0; i < m; i++) weightAtX[xIndex[i]!] = weightAtX[xIndex[i]!]! + rows.weight[i]!;
  return ok({ ...rows, xIndex, distinctX: Float64Array.from(values), weightAtX, totalWeight: total, maxT, zeroRows });
}
