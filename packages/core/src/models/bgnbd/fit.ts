/**
 * Maximum-likelihood fit of the BG/NBD model (Fader, Hardie & Lee 2005, eq. 6) by BFGS on
 * log parameters with the analytic gradient of {@link bgnbdNegLogLik}.
 */
import { runFit, type TotalNll } from '../fit-driver.ts';
import { prepareRfm, type CommonFitOptions, type PreparedRfm, type RfmInput } from '../rfm-input.ts';
import { ok, type Result } from '../result.ts';
import { bgnbdNegLogLik, bgnbdWorkspace } from './likelihood.ts';

/** BG/NBD parameters: purchase rate λ ~ Gamma(r, α), dropout p ~ Beta(a, b). */
export interface BgNbdParams {
  readonly r: number;
  readonly alpha: number;
  readonly a: number;
  readonly b: number;
}

/** Fitted BG/NBD model. `standardErrors` is null when the observed information is singular. */
export interface BgNbdFit extends BgNbdParams {
  readonly logLikelihood: number;
  readonly standardErrors: BgNbdParams | null;
  readonly iterations: number;
  readonly converged: boolean;
  readonly customers: number;
}

/** Options for {@link fitBgNbd}. */
export interface BgNbdFitOptions extends CommonFitOptions {
  /** Starting values (default r = a = b = 1, α = max T / 4). */
  readonly start?: BgNbdParams;
  /** Above this many (compressed) rows, fit a systematic subsample first (default 200,000). */
  readonly warmStartAbove?: number;
}

function subsample(data: PreparedRfm, step: number): PreparedRfm {
  const m = Math.ceil(data.x.length / step);
  const pick = <T extends Float64Array | Int32Array>(src: T, out: T): T => {
    for (let j = 0; j < m; j++) out[j] = src[j * step]!;
    return out;
  };
  const weight = pick(data.weight, new Float64Array(m));
  const xIndex = pick(data.xIndex, new Int32Array(m));
  const weightAtX = new Float64Array(data.distinctX.length);
  let total = 0, zeroRows = 0;
  for (let j = 0; j < m; j++) {
    weightAtX[xIndex[j]!] = weightAtX[xIndex[j]!]! + weight[j]!;
    total += weight[j]!;
    if (data.x[j * step] === 0) zeroRows++;
  }
  return {
    x: pick(data.x, new Float64Array(m)), tx: pick(data.tx, new Float64Array(m)), T: pick(data.T, new Float64Array(m)),
    weight, xIndex, distinctX: data.distinctX, weightAtX, totalWeight: total, maxT: data.maxT, zeroRows,
  };
}

function objective(data: PreparedRfm): TotalNll {
  const ws = bgnbdWorkspace(data);
  return (theta, grad) => bgnbdNegLogLik(theta, data, ws, grad);
}

/**
 * Fit BG/NBD to per-customer (x, t_x, T). Typed failures: INVALID_INPUT, TOO_FEW_CUSTOMERS
 * (< 100 unless `allowSmallSample`), ZERO_OBSERVATION_TIME, NO_REPEAT_PURCHASES, NUMERICAL_FAILURE.
 */
export function fitBgNbd(input: RfmInput, options: BgNbdFitOptions = {}): Result<BgNbdFit> {
  const prepared = prepareRfm(input, options);
  if (!prepared.ok) return prepared;
  const data = prepared.value;
  const s = options.start ?? { r: 1, alpha: Math.max(data.maxT / 4, 1e-6), a: 1, b: 1 };
  const threshold = options.warmStartAbove ?? 200_000;
  const step = Math.ceil(data.x.length / 100_000);
  const sub = data.x.length > threshold ? subsample(data, step) : null;
  const res = runFit(objective(data), {
    start: [Math.log(s.r), Math.log(s.alpha), Math.log(s.a), Math.log(s.b)],
    totalWeight: data.totalWeight,
    ...(options.maxIterations !== undefined ? { maxIterations: options.maxIterations } : {}),
    ...(options.gradTol !== undefined ? { gradTol: options.gradTol } : {}),
    ...(sub !== null ? { warmStart: { nll: objective(sub), totalWeight: sub.totalWeight } } : {}),
  });
  if (!res.ok) return res;
  const t = res.value.theta;
  const se = res.value.standardErrors;
  return ok({
    r: Math.exp(t[0]!), alpha: Math.exp(t[1]!), a: Math.exp(t[2]!), b: Math.exp(t[3]!),
    logLikelihood: -res.value.negLogLik,
    standardErrors: se === null ? null : { r: se[0]!, alpha: se[1]!, a: se[2]!, b: se[3]! },
    iterations: res.value.iterations, converged: res.value.converged, customers: data.totalWeight,
  });
}
