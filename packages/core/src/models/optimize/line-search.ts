/**
 * Strong-Wolfe line search (Nocedal & Wright, *Numerical Optimization*, 2nd ed., Algorithms 3.5
 * and 3.6) with safeguarded cubic interpolation. Non-finite objective values count as "too
 * high", so the search backs off from regions where the model overflows.
 */

/** f(x) with the gradient written into `grad`; may return a non-finite value. */
export type Objective = (x: Float64Array, grad: Float64Array) => number;

/** Outcome of one line search. `xNew`/`gNew` hold the accepted point when `ok`. */
export interface LineSearchOutcome {
  ok: boolean;
  alpha: number;
  f: number;
  evaluations: number;
}

const C1 = 1e-4;
const C2 = 0.9;
const MAX_STEPS = 30;
/**
 * Relative slack on f for the "approximate Wolfe" acceptance of Hager & Zhang (2005): near the
 * optimum of a sum over a million customers, f is only accurate to ~1e-13 relative, so exact
 * Armijo comparisons become noise; accept when f <= f0 + EPS_F |f0| and the (accurate)
 * gradient satisfies the curvature condition.
 */
const EPS_F = 1e-12;

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** Minimiser of the cubic through (a, fa, da) and (b, fb, db), kept inside the safe interval. */
function cubicStep(a: number, fa: number, da: number, b: number, fb: number, db: number): number {
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  const margin = 0.1 * (hi - lo);
  const d1 = da + db - 3 * ((fa - fb) / (a - b));
  const disc = d1 * d1 - da * db;
  let t = Number.NaN;
  if (Number.isFinite(fb) && Number.isFinite(db) && disc >= 0) {
    const d2 = Math.sign(b - a) * Math.sqrt(disc);
    t = b - (b - a) * ((db + d2 - d1) / (db - da + 2 * d2));
  }
  if (!Number.isFinite(t) || t < lo + margin || t > hi - margin) t = 0.5 * (a + b);
  return t;
}

/**
 * Search along `d` from `x` (value `f0`, gradient `g0`), with step length at most `alphaMax`.
 * Writes the accepted point into `xNew` and its gradient into `gNew`.
 */
export function strongWolfe(
  fn: Objective,
  x: Float64Array,
  f0: number,
  g0: Float64Array,
  d: Float64Array,
  alphaMax: number,
  xNew: Float64Array,
  gNew: Float64Array,
): LineSearchOutcome {
  const dphi0 = dot(g0, d);
  let evaluations = 0;
  const phi = (alpha: number): number => {
    for (let i = 0; i < x.length; i++) xNew[i] = x[i]! + alpha * d[i]!;
    evaluations++;
    const f = fn(xNew, gNew);
    return Number.isFinite(f) ? f : Number.POSITIVE_INFINITY;
  };
  if (!(dphi0 < 0)) return { ok: false, alpha: 0, f: f0, evaluations };

  const zoom = (loIn: number, fLoIn: number, dLoIn: number, hiIn: number, fHiIn: number, dHiIn: number): LineSearchOutcome => {
    let lo = loIn, fLo = fLoIn, dLo = dLoIn, hi = hiIn, fHi = fHiIn, dHi = dHiIn;
    for (let k = 0; k < MAX_STEPS; k++) {
      const alpha = cubicStep(lo, fLo, dLo, hi, fHi, dHi);
      const f = phi(alpha);
      const dphi = dot(gNew, d);
      if (f <= f0 + EPS_F * Math.abs(f0) && Math.abs(dphi) <= -C2 * dphi0) return { ok: true, alpha, f, evaluations };
      if (f > f0 + C1 * alpha * dphi0 || f >= fLo) {
        hi = alpha; fHi = f; dHi = dphi;
      } else {
        if (Math.abs(dphi) <= -C2 * dphi0) return { ok: true, alpha, f, evaluations };
        if (dphi * (hi - lo) >= 0) { hi = lo; fHi = fLo; dHi = dLo; }
        lo = alpha; fLo = f; dLo = dphi;
      }
      if (Math.abs(hi - lo) <= 1e-14 * Math.max(1, Math.abs(lo))) break;
    }
    // Accept the best sufficient-decrease point found (Armijo only) if it moved at all.
    if (lo > 0) {
      const f = phi(lo);
      return { ok: true, alpha: lo, f, evaluations };
    }
    return { ok: false, alpha: 0, f: f0, evaluations };
  };

  let prev = 0, fPrev = f0, dPrev = dphi0;
  let alpha = Math.min(1, alphaMax);
  for (let i = 0; i < MAX_STEPS; i++) {
    const f = phi(alpha);
    const dphi = Number.isFinite(f) ? dot(gNew, d) : Number.NaN;
    if (f <= f0 + EPS_F * Math.abs(f0) && Math.abs(dphi) <= -C2 * dphi0) return { ok: true, alpha, f, evaluations };
    if (f > f0 + C1 * alpha * dphi0 || (i > 0 && f >= fPrev)) return zoom(prev, fPrev, dPrev, alpha, f, dphi);
    if (Math.abs(dphi) <= -C2 * dphi0) return { ok: true, alpha, f, evaluations };
    if (dphi >= 0) return zoom(alpha, f, dphi, prev, fPrev, dPrev);
    if (alpha >= alphaMax) return { ok: true, alpha, f, evaluations };
    prev = alpha; fPrev = f; dPrev = dphi;
    alpha = Math.min(2 * alpha, alphaMax);
  }
  return { ok: false, alpha: 0, f: f0, evaluations };
}
