/**
 * Gamma-Gamma spend model fit (Fader & Hardie 2013) on customers with x > 0, and the
 * conditional expected average order value E[M | x, m] (eq. 5 there).
 */
import { runFit } from '../fit-driver.ts';
import { fail, ok, type Result } from '../result.ts';
import { gammaGammaNegLogLik, type PreparedSpend } from './likelihood.ts';

/** Gamma-Gamma parameters: spend z ~ Gamma(p, ν), ν ~ Gamma(q, γ). */
export interface GammaGammaParams {
  readonly p: number;
  readonly q: number;
  readonly gamma: number;
}

/** Fitted Gamma-Gamma model; `standardErrors` is null when the information matrix is singular. */
export interface GammaGammaFit extends GammaGammaParams {
  readonly logLikelihood: number;
  readonly standardErrors: GammaGammaParams | null;
  readonly iterations: number;
  readonly converged: boolean;
  /** Customers used (x > 0). */
  readonly customers: number;
}

/** Options for {@link fitGammaGamma}. */
export interface GammaGammaFitOptions {
  readonly allowSmallSample?: boolean;
  /** Minimum number of repeat customers (default 100). */
  readonly minCustomers?: number;
  readonly start?: GammaGammaParams;
  readonly maxIterations?: number;
  readonly gradTol?: number;
}

/** Prepare (x, m) rows with x > 0; rows with x = 0 are skipped, m <= 0 with x > 0 is invalid. */
function prepare(x: ArrayLike<number>, m: ArrayLike<number>, weight?: ArrayLike<number>): Result<PreparedSpend> {
  if (x.length !== m.length) return fail('INVALID_INPUT', 'x and mean spend differ in length', 'x 与平均消费长度不一致');
  let n = 0;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i]!, mi = m[i]!;
    if (!(Number.isInteger(xi) && xi >= 0) || !Number.isFinite(mi)) return fail('INVALID_INPUT', `row ${i}: need integer x >= 0 and finite spend`, `第 ${i} 行数据无效`);
    if (xi === 0) continue;
    if (!(mi > 0)) return fail('INVALID_INPUT', `row ${i}: mean spend must be positive when x > 0 (got ${mi})`, `第 ${i} 行：复购平均消费必须为正`);
    if ((weight?.[i] ?? 1) > 0) n++;
  }
  const xs = new Float64Array(n), ms = new Float64Array(n), ws = new Float64Array(n), mx = new Float64Array(n);
  const xIndex = new Int32Array(n);
  const small = new Int32Array(4096).fill(-1);
  const map = new Map<number, number>();
  const distinct: number[] = [];
  let j = 0, total = 0, sumWLnM = 0, sumWXLnMX = 0;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i]!, w = weight?.[i] ?? 1;
    if (xi === 0 || !(w > 0)) continue;
    const mi = m[i]!;
    xs[j] = xi; ms[j] = mi; ws[j] = w; mx[j] = xi * mi;
    let k = xi < 4096 ? small[xi]! : (map.get(xi) ?? -1);
    if (k < 0) {
      k = distinct.length;
      distinct.push(xi);
      if (xi < 4096) small[xi] = k;
      else map.set(xi, k);
    }
    xIndex[j] = k;
    total += w;
    const lnM = Math.log(mi);
    sumWLnM += w * lnM;
    sumWXLnMX += w * xi * (lnM + Math.log(xi));
    j++;
  }
  const weightAtX = new Float64Array(distinct.length);
  const wxAtX = new Float64Array(distinct.length);
  for (let i = 0; i < n; i++) {
    weightAtX[xIndex[i]!] = weightAtX[xIndex[i]!]! + ws[i]!;
    wxAtX[xIndex[i]!] = wxAtX[xIndex[i]!]! + ws[i]! * xs[i]!;
  }
  return ok({ x: xs, m: ms, weight: ws, mx, xIndex, distinctX: Float64Array.from(distinct), totalWeight: total, sumWLnM, sumWXLnMX, weightAtX, wxAtX });
}

/**
 * Fit Gamma-Gamma by maximum likelihood on the mean-spend density. Typed failures:
 * INVALID_INPUT, NO_REPEAT_PURCHASES, TOO_FEW_CUSTOMERS, NUMERICAL_FAILURE, and
 * GG_Q_NOT_ABOVE_ONE when the optimum has q <= 1 (E[M] would be infinite or negative).
 */
export function fitGammaGamma(x: ArrayLike<number>, meanSpend: ArrayLike<number>, options: GammaGammaFitOptions = {}, weight?: ArrayLike<number>): Result<GammaGammaFit> {
  const prep = prepare(x, meanSpend, weight);
  if (!prep.ok) return prep;
  const d = prep.value;
  if (d.totalWeight === 0) return fail('NO_REPEAT_PURCHASES', 'no customer with a repeat purchase: spend model cannot be fitted', '没有复购客户，无法拟合消费模型');
  const min = options.minCustomers ?? 100;
  if (d.totalWeight < min && options.allowSmallSample !== true) {
    return fail('TOO_FEW_CUSTOMERS', `only ${d.totalWeight} repeat customers; at least ${min} are needed (set allowSmallSample to override)`, `复购客户过少（${d.totalWeight}），至少需要 ${min} 位`);
  }
  let mean = 0;
  for (let i = 0; i < d.m.length; i++) mean += d.weight[i]! * d.m[i]!;
  mean /= d.totalWeight;
  const s = options.start ?? { p: 1, q: 2, gamma: mean };
  const scratch = new Float64Array(d.distinctX.length);
  const res = runFit((t, g) => gammaGammaNegLogLik(t, d, scratch, g), {
    start: [Math.log(s.p), Math.log(s.q), Math.log(s.gamma)],
    totalWeight: d.totalWeight,
    ...(options.maxIterations !== undefined ? { maxIterations: options.maxIterations } : {}),
    ...(options.gradTol !== undefined ? { gradTol: options.gradTol } : {}),
  });
  if (!res.ok) return res;
  const t = res.value.theta;
  const q = Math.exp(t[1]!);
  if (!(q > 1)) {
    return fail('GG_Q_NOT_ABOVE_ONE', `fitted q = ${q.toPrecision(4)} <= 1: expected spend is undefined (heavy-tailed spend); check for outliers or refunds`, `拟合得到 q=${q.toPrecision(4)} ≤ 1，期望客单价无定义，请检查异常订单`);
  }
  const se = res.value.standardErrors;
  return ok({
    p: Math.exp(t[0]!), q, gamma: Math.exp(t[2]!), logLikelihood: -res.value.negLogLik,
    standardErrors: se === null ? null : { p: se[0]!, q: se[1]!, gamma: se[2]! },
    iterations: res.value.iterations, converged: res.value.converged, customers: d.totalWeight,
  });
}

/**
 * E[M | x, m] = p(γ + m x)/(p x + q − 1) (Fader & Hardie 2013 eq. 5): a weighted average of the
 * customer's mean m and the population mean pγ/(q−1). For x = 0 it is the population mean.
 */
export function gammaGammaExpectedSpend(params: GammaGammaParams, x: number, m: number): number {
  return (params.p * (params.gamma + m * x)) / (params.p * x + params.q - 1);
}

/** Typed-result version of {@link gammaGammaExpectedSpend}: refuses q <= 1. */
export function gammaGammaExpectedSpendResult(params: GammaGammaParams, x: number, m: number): Result<number> {
  if (!(params.q > 1)) return fail('GG_Q_NOT_ABOVE_ONE', `q = ${params.q} <= 1: expected spend is undefined`, `q=${params.q} ≤ 1，期望客单价无定义`);
  return ok(gammaGammaExpectedSpend(params, x, m));
}
