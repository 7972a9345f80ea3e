/**
 * Box-bounded BFGS quasi-Newton minimiser (Nocedal & Wright, Algorithm 6.1) with a strong-Wolfe
 * line search. Intended for small parameter vectors (the models have 3–4 log-parameters);
 * the dense inverse-Hessian update is O(k²) per iteration.
 */
import { strongWolfe, type Objective } from './line-search.ts';

/** Options for {@link minimizeBfgs}. */
export interface BfgsOptions {
  /** Maximum number of BFGS iterations (default 200). */
  readonly maxIterations?: number;
  /** Stop when max |∂f/∂x_i| <= gradTol (default 1e-9). */
  readonly gradTol?: number;
  /** Stop when the relative decrease of f is below fTol on two successive steps (default 1e-15). */
  readonly fTol?: number;
  /** Lower bounds on x (default −30 for every coordinate). */
  readonly lower?: ArrayLike<number>;
  /** Upper bounds on x (default +30 for every coordinate). */
  readonly upper?: ArrayLike<number>;
  /** Initial inverse Hessian (row-major k×k); default: scaled identity after the first step. */
  readonly initialInverseHessian?: Float64Array;
}

/** Result of {@link minimizeBfgs}. */
export interface BfgsResult {
  readonly x: Float64Array;
  readonly f: number;
  readonly grad: Float64Array;
  readonly iterations: number;
  readonly evaluations: number;
  readonly converged: boolean;
  /** Final BFGS approximation of the inverse Hessian (row-major). */
  readonly inverseHessian: Float64Array;
  readonly reason: 'gradient' | 'function-change' | 'max-iterations' | 'line-search' | 'non-finite-start';
}

function resetIdentity(h: Float64Array, k: number, scale: number): void {
  h.fill(0);
  for (let i = 0; i < k; i++) h[i * k + i] = scale;
}

/** Minimise `fn` from `x0` inside the box [lower, upper]. */
export function minimizeBfgs(fn: Objective, x0: ArrayLike<number>, options: BfgsOptions = {}): BfgsResult {
  const k = x0.length;
  const maxIterations = options.maxIterations ?? 200;
  const gradTol = options.gradTol ?? 1e-9;
  const fTol = options.fTol ?? 1e-15;
  const lower = Float64Array.from({ length: k }, (_, i) => options.lower?.[i] ?? -30);
  const upper = Float64Array.from({ length: k }, (_, i) => options.upper?.[i] ?? 30);
  let x = Float64Array.from(x0, (v, i) => Math.min(upper[i]!, Math.max(lower[i]!, v)));
  let g = new Float64Array(k);
  let xNew = new Float64Array(k);
  let gNew = new Float64Array(k);
  const d = new Float64Array(k);
  const s = new Float64Array(k);
  const y = new Float64Array(k);
  const hy = new Float64Array(k);
  const h = new Float64Array(k * k);
  const custom = options.initialInverseHessian;
  if (custom !== undefined && custom.length === k * k) h.set(custom);
  else resetIdentity(h, k, 1);
  let scaled = custom !== undefined;
  let evaluations = 1;
  let f = fn(x, g);
  const done = (iterations: number, converged: boolean, reason: BfgsResult['reason']): BfgsResult => ({
    x, f, grad: g, iterations, evaluations, converged, inverseHessian: h, reason,
  });
  if (!Number.isFinite(f)) return done(0, false, 'non-finite-start');
  let smallChanges = 0;
  let retried = false;
  for (let iter = 0; iter < maxIterations; iter++) {
    let gmax = 0;
    for (let i = 0; i < k; i++) gmax = Math.max(gmax, Math.abs(g[i]!));
    if (gmax <= gradTol) return done(iter, true, 'gradient');
    // Direction d = −H g, with components that push through an active bound removed.
    let alphaMax = 1e10;
    for (let i = 0; i < k; i++) {
      let v = 0;
      for (let j = 0; j < k; j++) v -= h[i * k + j]! * g[j]!;
      if ((x[i]! <= lower[i]! && v < 0) || (x[i]! >= upper[i]! && v > 0)) v = 0;
      d[i] = v;
      if (v > 0) alphaMax = Math.min(alphaMax, (upper[i]! - x[i]!) / v);
      else if (v < 0) alphaMax = Math.min(alphaMax, (lower[i]! - x[i]!) / v);
    }
    const ls = strongWolfe(fn, x, f, g, d, alphaMax, xNew, gNew);
    evaluations += ls.evaluations;
    if (!ls.ok) {
      if (retried) return done(iter, gmax <= Math.sqrt(gradTol), 'line-search');
      retried = true;
      resetIdentity(h, k, 1 / Math.max(1, gmax));
      scaled = true;
      continue;
    }
    retried = false;
    for (let i = 0; i < k; i++) {
      s[i] = xNew[i]! - x[i]!;
      y[i] = gNew[i]! - g[i]!;
    }
    const fOld = f;
    [x, xNew] = [xNew, x];
    [g, gNew] = [gNew, g];
    f = ls.f;
    let sy = 0, yy = 0;
    for (let i = 0; i < k; i++) { sy += s[i]! * y[i]!; yy += y[i]! * y[i]!; }
    if (sy > 1e-12 * Math.sqrt(yy) * Math.hypot(...s)) {
      if (!scaled) { resetIdentity(h, k, sy / yy); scaled = true; }
      // H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ, expanded.
      const rho = 1 / sy;
      let yhy = 0;
      for (let i = 0; i < k; i++) {
        let v = 0;
        for (let j = 0; j < k; j++) v += h[i * k + j]! * y[j]!;
        hy[i] = v;
        yhy += y[i]! * v;
      }
      for (let i = 0; i < k; i++) {
        for (let j = 0; j < k; j++) {
          h[i * k + j] = h[i * k + j]! - rho * (hy[i]! * s[j]! + s[i]! * hy[j]!) + (rho * rho * yhy + rho) * s[i]! * s[j]!;
        }
      }
    }
    if (Math.abs(fOld - f) <= fTol * Math.max(1, Math.abs(f))) {
      if (++smallChanges >= 2) return done(iter + 1, true, 'function-change');
    } else smallChanges = 0;
  }
  return done(maxIterations, false, 'max-iterations');
}
