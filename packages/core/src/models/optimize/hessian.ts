/**
 * Observed information and standard errors: numerical Hessian by central differences of an
 * analytic gradient, inverse by Gauss–Jordan elimination, and the delta method from log
 * parameters back to the natural scale.
 */
import type { Objective } from './line-search.ts';

/**
 * Hessian (row-major, symmetrised) of `fn` at `x` from central differences of its gradient, or
 * forward differences when the gradient at `x` is supplied as `gradAtX` (half the evaluations).
 */
export function numericalHessian(fn: Objective, x: ArrayLike<number>, step = 1e-5, gradAtX?: Float64Array): Float64Array {
  const k = x.length;
  const hess = new Float64Array(k * k);
  const xp = Float64Array.from(x);
  const gp = new Float64Array(k);
  const gm = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    const h = step * Math.max(1, Math.abs(x[j]!));
    xp[j] = x[j]! + h;
    fn(xp, gp);
    if (gradAtX === undefined) {
      xp[j] = x[j]! - h;
      fn(xp, gm);
    } else gm.set(gradAtX);
    xp[j] = x[j]!;
    const span = gradAtX === undefined ? 2 * h : h;
    for (let i = 0; i < k; i++) hess[i * k + j] = (gp[i]! - gm[i]!) / span;
  }
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++) {
      const v = 0.5 * (hess[i * k + j]! + hess[j * k + i]!);
      hess[i * k + j] = v;
      hess[j * k + i] = v;
    }
  }
  return hess;
}

/** Inverse of a k×k matrix by Gauss–Jordan with partial pivoting; null when singular. */
export function invertMatrix(m: ArrayLike<number>, k: number): Float64Array | null {
  const a = Float64Array.from(m);
  const inv = new Float64Array(k * k);
  for (let i = 0; i < k; i++) inv[i * k + i] = 1;
  for (let col = 0; col < k; col++) {
    let piv = col;
    for (let r = col + 1; r < k; r++) if (Math.abs(a[r * k + col]!) > Math.abs(a[piv * k + col]!)) piv = r;
    const p = a[piv * k + col]!;
    if (!Number.isFinite(p) || Math.abs(p) < 1e-300) return null;
    if (piv !== col) {
      for (let c = 0; c < k; c++) {
        [a[col * k + c], a[piv * k + c]] = [a[piv * k + c]!, a[col * k + c]!];
        [inv[col * k + c], inv[piv * k + c]] = [inv[piv * k + c]!, inv[col * k + c]!];
      }
    }
    for (let c = 0; c < k; c++) { a[col * k + c] = a[col * k + c]! / p; inv[col * k + c] = inv[col * k + c]! / p; }
    for (let r = 0; r < k; r++) {
      if (r === col) continue;
      const f = a[r * k + col]!;
      if (f === 0) continue;
      for (let c = 0; c < k; c++) { a[r * k + c] = a[r * k + c]! - f * a[col * k + c]!; inv[r * k + c] = inv[r * k + c]! - f * inv[col * k + c]!; }
    }
  }
  return inv;
}

/**
 * Standard errors on the natural scale from the Hessian of the *total* negative log-likelihood
 * with respect to log parameters: SE(θ_i) = θ_i · sqrt([H⁻¹]_ii) (delta method). Returns null
 * when the observed information is not positive definite.
 */
export function standardErrorsFromLogHessian(hessian: Float64Array, logParams: ArrayLike<number>): Float64Array | null {
  const k = logParams.length;
  const inv = invertMatrix(hessian, k);
  if (inv === null) return null;
  const se = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const v = inv[i * k + i]!;
    if (!(v > 0) || !Number.isFinite(v)) return null;
    se[i] = Math.exp(logParams[i]!) * Math.sqrt(v);
  }
  return se;
}
