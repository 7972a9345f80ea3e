/**
 * Welch's interval for a difference of means from summary sums (n, Σx, Σx²), so per-customer revenue never
 * has to leave the database: SQL returns the sums, this turns them into means, variances and the interval
 * with the Welch–Satterthwaite degrees of freedom (unequal variances: treated and holdout revenue rarely
 * share one). Revenue per customer is very skewed (most customers buy nothing); the interval relies on the
 * central limit theorem and is rough for groups of a few dozen.
 */
import type { Interval } from './proportions.ts';
import { studentTQuantile } from './student-t.ts';

/** n values summarised by their sum and sum of squares. */
export interface Moments {
  readonly n: number;
  readonly sum: number;
  readonly sumSquares: number;
}

/** The sample mean and the unbiased sample variance (0 when n < 2). */
export function meanAndVariance(m: Moments): { readonly mean: number; readonly variance: number } {
  const mean = m.n > 0 ? m.sum / m.n : 0;
  const variance = m.n > 1 ? Math.max(0, (m.sumSquares - m.n * mean * mean) / (m.n - 1)) : 0;
  return { mean, variance };
}

/**
 * mean(a) − mean(b) with Welch's interval at `level` (default 0.95). Null when either group has fewer than
 * two values (no variance). With both variances 0 the interval is the point.
 */
export function welchDifference(a: Moments, b: Moments, level = 0.95): ({ readonly estimate: number; readonly df: number } & Interval) | null {
  if (a.n < 2 || b.n < 2) return null;
  const x = meanAndVariance(a);
  const y = meanAndVariance(b);
  const va = x.variance / a.n;
  const vb = y.variance / b.n;
  const estimate = x.mean - y.mean;
  const se = Math.sqrt(va + vb);
  if (se === 0) return { estimate, df: a.n + b.n - 2, lower: estimate, upper: estimate };
  const df = (va + vb) ** 2 / (va ** 2 / (a.n - 1) + vb ** 2 / (b.n - 1));
  const t = studentTQuantile(1 - (1 - level) / 2, df);
  return { estimate, df, lower: estimate - t * se, upper: estimate + t * se };
}
