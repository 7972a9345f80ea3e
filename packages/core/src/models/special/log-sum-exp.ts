/** Log-space helpers: max-shifted sums so that no intermediate overflows or underflows. */

/** ln(e^a + e^b) with the max shift (−Infinity inputs allowed). */
export function logAddExp(a: number, b: number): number {
  if (a === Number.NEGATIVE_INFINITY) return b;
  if (b === Number.NEGATIVE_INFINITY) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

/** ln Σ e^{v_i}; −Infinity for an empty list. */
export function logSumExp(values: ArrayLike<number>): number {
  let m = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) if (values[i]! > m) m = values[i]!;
  if (m === Number.NEGATIVE_INFINITY || !Number.isFinite(m)) return m;
  let s = 0;
  for (let i = 0; i < values.length; i++) s += Math.exp(values[i]! - m);
  return m + Math.log(s);
}

/** softplus: ln(1 + e^x) without overflow. */
export function log1pExp(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/** ln(1 − e^x) for x <= 0 (Mächler's two-branch rule); −Infinity at x = 0. */
export function log1mExp(x: number): number {
  return x > -Math.LN2 ? Math.log(-Math.expm1(x)) : Math.log1p(-Math.exp(x));
}

/** Logistic σ(x) = 1 / (1 + e^−x) without overflow. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}
