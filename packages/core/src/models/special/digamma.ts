/**
 * Digamma ψ(x) = d ln Γ(x) / dx: upward recurrence ψ(x) = ψ(x + 1) − 1/x to x >= 10, then the
 * asymptotic series (Abramowitz & Stegun 6.3.18); reflection for negative non-integers.
 */
export function digamma(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x <= 0) {
    if (Number.isInteger(x)) return Number.NaN;
    // ψ(1 − x) − ψ(x) = π cot(πx)
    return digamma(1 - x) - Math.PI / Math.tan(Math.PI * x);
  }
  let shift = 0;
  let y = x;
  while (y < 10) {
    shift -= 1 / y;
    y += 1;
  }
  const inv = 1 / y;
  const inv2 = inv * inv;
  const series =
    inv2 * (1 / 12 - inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 * (1 / 132 - inv2 * (691 / 32760 - inv2 / 12))))));
  return shift + Math.log(y) - 0.5 * inv - series;
}
