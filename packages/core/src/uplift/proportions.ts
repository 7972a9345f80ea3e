/**
 * Intervals for conversion rates and their difference. Wilson's score interval for one proportion, and
 * Newcombe's hybrid score interval for a difference of two independent proportions (Newcombe 1998,
 * "Interval estimation for the difference between independent proportions", Statistics in Medicine 17,
 * method 10): it keeps good coverage when a rate is near 0 — campaign conversion rates often are — where
 * the Wald interval collapses to zero width. The relative uplift's interval is Katz's log risk-ratio
 * interval (Katz et al. 1978).
 */

/** The normal quantile for a two-sided 95 % interval. */
export const Z_95 = 1.959963984540054;

export interface Interval {
  readonly lower: number;
  readonly upper: number;
}

/** Wilson score interval for `successes` out of `n` (n > 0). */
export function wilsonInterval(successes: number, n: number, z = Z_95): Interval {
  const p = successes / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const half = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const denominator = 1 + z2 / n;
  return { lower: Math.max(0, (centre - half) / denominator), upper: Math.min(1, (centre + half) / denominator) };
}

/** Newcombe's method 10 for p1 − p2 = x1/n1 − x2/n2 (both n > 0): the difference and its interval. */
export function newcombeDifference(x1: number, n1: number, x2: number, n2: number, z = Z_95): { readonly estimate: number } & Interval {
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const a = wilsonInterval(x1, n1, z);
  const b = wilsonInterval(x2, n2, z);
  const d = p1 - p2;
  return {
    estimate: d,
    lower: d - Math.sqrt((p1 - a.lower) ** 2 + (b.upper - p2) ** 2),
    upper: d + Math.sqrt((a.upper - p1) ** 2 + (p2 - b.lower) ** 2),
  };
}

/**
 * Relative uplift p1/p2 − 1 with Katz's log interval: exp(ln RR ± z·√(1/x1 − 1/n1 + 1/x2 − 1/n2)) − 1.
 * Undefined (null) when either group has no conversions: the ratio is then 0 or infinite.
 */
export function relativeUplift(x1: number, n1: number, x2: number, n2: number, z = Z_95): ({ readonly estimate: number } & Interval) | null {
  if (x1 <= 0 || x2 <= 0 || n1 <= 0 || n2 <= 0) return null;
  const lnRr = Math.log(x1 / n1 / (x2 / n2));
  const se = Math.sqrt(1 / x1 - 1 / n1 + 1 / x2 - 1 / n2);
  return { estimate: Math.exp(lnRr) - 1, lower: Math.exp(lnRr - z * se) - 1, upper: Math.exp(lnRr + z * se) - 1 };
}
