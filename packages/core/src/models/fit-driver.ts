/**
 * Shared fitting driver: BFGS on log parameters of the *mean* negative log-likelihood (so
 * tolerances do not depend on sample size), an optional warm start from a systematic
 * subsample for very large inputs (the mean-NLL inverse Hessian carries over unchanged), and
 * standard errors from the numerical Hessian of the total NLL (delta method).
 */
import { minimizeBfgs, type BfgsResult } from './optimize/bfgs.ts';
import { invertMatrix, numericalHessian, standardErrorsFromLogHessian } from './optimize/hessian.ts';
import { fail, ok, type Result } from './result.ts';

/** Total NLL at log-parameters with optional gradient output (+Infinity when not finite). */
export type TotalNll = (theta: ArrayLike<number>, grad?: Float64Array) => number;

/** Outcome of {@link runFit}. */
export interface DriverResult {
  readonly theta: Float64Array;
  readonly negLogLik: number;
  readonly standardErrors: Float64Array | null;
  readonly iterations: number;
  readonly converged: boolean;
}

/** Options for {@link runFit}. */
export interface DriverOptions {
  readonly start: ArrayLike<number>;
  readonly totalWeight: number;
  readonly maxIterations?: number;
  readonly gradTol?: number;
  /** Optional cheaper objective (subsample) used first; its optimum and inverse Hessian seed the full fit. */
  readonly warmStart?: { readonly nll: TotalNll; readonly totalWeight: number };
  readonly computeStandardErrors?: boolean;
}

function meanObjective(nll: TotalNll, w: number): (x: Float64Array, g: Float64Array) => number {
  return (x, g) => {
    const f = nll(x, g);
    for (let i = 0; i < g.length; i++) g[i] = g[i]! / w;
    return f / w;
  };
}

function scaleVector(v: Float64Array, s: number): Float64Array {
  return v.map((e) => e * s);
}

/** Minimise `nll` from `start`; `NUMERICAL_FAILURE` if the start or optimum is not finite. */
export function runFit(nll: TotalNll, options: DriverOptions): Result<DriverResult> {
  const maxIterations = options.maxIterations ?? 300;
  const gradTol = options.gradTol ?? 1e-9;
  let x0: ArrayLike<number> = options.start;
  let h0: Float64Array | undefined;
  let iterations = 0;
  if (options.warmStart !== undefined) {
    // Fit the subsample, then seed the full fit with the inverse of the subsample's numerical
    // mean-NLL Hessian: the full-data BFGS then needs only a few (unit) steps.
    const warmObjective = meanObjective(options.warmStart.nll, options.warmStart.totalWeight);
    const warm = minimizeBfgs(warmObjective, x0, { maxIterations, gradTol: gradTol * 100 });
    if (Number.isFinite(warm.f)) {
      x0 = warm.x;
      iterations += warm.iterations;
      const inv = invertMatrix(numericalHessian(warmObjective, warm.x), warm.x.length);
      h0 = inv ?? warm.inverseHessian;
    }
  }
  const res: BfgsResult = minimizeBfgs(meanObjective(nll, options.totalWeight), x0, {
    maxIterations, gradTol, ...(h0 !== undefined ? { initialInverseHessian: h0 } : {}),
  });
  iterations += res.iterations;
  if (!Number.isFinite(res.f)) {
    return fail('NUMERICAL_FAILURE', 'the likelihood is not finite at the starting values', '似然函数在初始值处无有限值');
  }
  let se: Float64Array | null = null;
  if (options.computeStandardErrors !== false) {
    // Central differences by default; forward differences (half the gradient evaluations)
    // for warm-started large fits, where the gradient at the optimum is ~0 and known.
    const hess = options.warmStart === undefined
      ? numericalHessian((x, g) => nll(x, g), res.x)
      : numericalHessian((x, g) => nll(x, g), res.x, 1e-6, scaleVector(res.grad, options.totalWeight));
    se = standardErrorsFromLogHessian(hess, res.x);
  }
  return ok({ theta: res.x, negLogLik: res.f * options.totalWeight, standardErrors: se, iterations, converged: res.converged });
}
