/**
 * Pareto/NBD maximum-likelihood fit (Schmittlein, Morrison & Colombo 1987; Fader & Hardie 2005
 * note 009) and its expectations. The gradient is a central finite difference of the
 * log-space likelihood (the ₂F₁ parameter derivatives have no cheap closed form); the fit runs
 * on unique (x, t_x, T) tuples, so this stays fast on whole-day data.
 */
import { runFit } from '../fit-driver.ts';
import { prepareRfm, type CommonFitOptions, type RfmInput } from '../rfm-input.ts';
import { ok, type Result } from '../result.ts';
import { log1pExp } from '../special/log-sum-exp.ts';
import { paretoNbdLogTerms, paretoNbdNegLogLik, type ParetoNbdParams } from './likelihood.ts';

/** Fitted Pareto/NBD model. */
export interface ParetoNbdFit extends ParetoNbdParams {
  readonly logLikelihood: number;
  readonly standardErrors: ParetoNbdParams | null;
  readonly iterations: number;
  readonly converged: boolean;
  readonly customers: number;
}

const fromTheta = (t: ArrayLike<number>): ParetoNbdParams => ({ r: Math.exp(t[0]!), alpha: Math.exp(t[1]!), s: Math.exp(t[2]!), beta: Math.exp(t[3]!) });

/** Fit Pareto/NBD; same typed failures as the BG/NBD fitter. */
export function fitParetoNbd(input: RfmInput, options: CommonFitOptions & { readonly start?: ParetoNbdParams } = {}): Result<ParetoNbdFit> {
  const prepared = prepareRfm(input, options);
  if (!prepared.ok) return prepared;
  const d = prepared.value;
  const nll = (theta: ArrayLike<number>, grad?: Float64Array): number => {
    const f = paretoNbdNegLogLik(fromTheta(theta), d.x, d.tx, d.T, d.weight);
    if (grad !== undefined && Number.isFinite(f)) {
      const tp = Float64Array.from(theta);
      for (let j = 0; j < 4; j++) {
        const h = 1e-6 * Math.max(1, Math.abs(theta[j]!));
        tp[j] = theta[j]! + h;
        const fp = paretoNbdNegLogLik(fromTheta(tp), d.x, d.tx, d.T, d.weight);
        tp[j] = theta[j]! - h;
        const fm = paretoNbdNegLogLik(fromTheta(tp), d.x, d.tx, d.T, d.weight);
        tp[j] = theta[j]!;
        grad[j] = (fp - fm) / (2 * h);
      }
    }
    return f;
  };
  const s0 = options.start ?? { r: 1, alpha: Math.max(d.maxT / 4, 1e-6), s: 1, beta: Math.max(d.maxT / 4, 1e-6) };
  const res = runFit(nll, {
    start: [Math.log(s0.r), Math.log(s0.alpha), Math.log(s0.s), Math.log(s0.beta)],
    totalWeight: d.totalWeight,
    gradTol: options.gradTol ?? 1e-7,
    ...(options.maxIterations !== undefined ? { maxIterations: options.maxIterations } : {}),
  });
  if (!res.ok) return res;
  const se = res.value.standardErrors;
  return ok({
    ...fromTheta(res.value.theta), logLikelihood: -res.value.negLogLik,
    standardErrors: se === null ? null : { r: se[0]!, alpha: se[1]!, s: se[2]!, beta: se[3]! },
    iterations: res.value.iterations, converged: res.value.converged, customers: d.totalWeight,
  });
}

/** P(alive | x, t_x, T) = 1/(1 + e^(A₂ − A₁)) (note 009 eq. 18, in log space). */
export function paretoNbdProbabilityAlive(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  const [a1, a2] = paretoNbdLogTerms(p, x, tx, T);
  return Math.exp(-log1pExp(a2 - a1));
}

/** (1 − (u/(u+t))^(s−1)) / (s−1), with its s → 1 limit ln((u+t)/u). */
function survivalFactor(s: number, u: number, t: number): number {
  if (Math.abs(s - 1) < 1e-10) return Math.log1p(t / u);
  return -Math.expm1((s - 1) * Math.log(u / (u + t))) / (s - 1);
}

/** E[Y(t) | x, t_x, T] = P(alive) (r+x)(β+T)/(α+T) · [1 − ((β+T)/(β+T+t))^(s−1)]/(s−1) (eq. 26). */
export function paretoNbdConditionalExpected(p: ParetoNbdParams, t: number, x: number, tx: number, T: number): number {
  if (t <= 0) return 0;
  return (paretoNbdProbabilityAlive(p, x, tx, T) * (p.r + x) * (p.beta + T) * survivalFactor(p.s, p.beta + T, t)) / (p.alpha + T);
}

/** E[X(t)] = rβ/α · [1 − (β/(β+t))^(s−1)]/(s−1) (eq. 17). */
export function paretoNbdExpectedPurchases(p: ParetoNbdParams, t: number): number {
  if (t <= 0) return 0;
  return ((p.r * p.beta) / p.alpha) * survivalFactor(p.s, p.beta, t);
}
