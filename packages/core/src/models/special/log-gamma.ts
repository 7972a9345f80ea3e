/**
 * Log-gamma and log-beta for the model likelihoods.
 *
 * Method: Lanczos approximation (Godfrey's g = 607/128, 15 terms) for 0 < x < 10, Stirling's
 * series for x >= 10, and the Taylor series of ln Γ(1 + z) around the roots x = 1 and x = 2
 * so that the relative error stays near machine precision there too. Negative non-integer
 * arguments use the reflection formula Γ(x) Γ(1 − x) = π / sin(πx).
 */

const LN_SQRT_2PI = 0.9189385332046727;
const LANCZOS_G = 607 / 128;
const LANCZOS: readonly number[] = [
  0.9999999999999971, 57.15623566586292, -59.59796035547549, 14.136097974741746, -0.4919138160976202,
  0.00003399464998481189, 0.00004652362892704858, -0.00009837447530487956, 0.0001580887032249125,
  -0.00021026444172410488, 0.00021743961811521265, -0.0001643181065367639, 0.00008441822398385275,
  -0.000026190838401581408, 0.0000036899182659531625,
];
const EULER_GAMMA = 0.5772156649015329;
/** ζ(k) for k = 2..12; larger k are summed directly at module load. */
const ZETA_SMALL: readonly number[] = [
  1.6449340668482264, 1.2020569031595942, 1.0823232337111381, 1.03692775514337, 1.017343061984449,
  1.0083492773819227, 1.0040773561979444, 1.0020083928260821, 1.0009945751278182, 1.0004941886041194,
  1.000246086553308,
];
const TAYLOR_TERMS = 40;
/** c[k] = (−1)^k ζ(k) / k, the Taylor coefficients of ln Γ(1 + z) for k >= 2. */
const TAYLOR: Float64Array = (() => {
  const c = new Float64Array(TAYLOR_TERMS + 1);
  for (let k = 2; k <= TAYLOR_TERMS; k++) {
    let zeta = ZETA_SMALL[k - 2] ?? 0;
    if (k > 12) {
      zeta = 1;
      for (let n = 2; n < 60; n++) zeta += Math.pow(n, -k);
    }
    c[k] = ((k % 2 === 0 ? 1 : -1) * zeta) / k;
  }
  return c;
})();

/** ln Γ(1 + z) for |z| <= 0.25 by its Taylor series (Abramowitz & Stegun 6.1.33). */
function lnGamma1p(z: number): number {
  let sum = 0;
  let pow = z;
  for (let k = 2; k <= TAYLOR_TERMS; k++) {
    pow *= z;
    sum += TAYLOR[k]! * pow;
  }
  return -EULER_GAMMA * z + sum;
}

function lanczos(x: number): number {
  const z = x - 1;
  let s = LANCZOS[0]!;
  for (let k = 1; k < LANCZOS.length; k++) s += LANCZOS[k]! / (z + k);
  const t = z + LANCZOS_G + 0.5;
  return LN_SQRT_2PI + (z + 0.5) * Math.log(t) - t + Math.log(s);
}

function stirling(x: number): number {
  const inv = 1 / x;
  const inv2 = inv * inv;
  const series =
    inv * (1 / 12 + inv2 * (-1 / 360 + inv2 * (1 / 1260 + inv2 * (-1 / 1680 + inv2 * (1 / 1188 + inv2 * (-691 / 360360))))));
  return (x - 0.5) * Math.log(x) - x + LN_SQRT_2PI + series;
}

/**
 * ln Γ(x) for x > 0 (relative error about 1e-15; NaN-free: returns +Infinity at x = 0 and
 * NaN only for non-positive input, which callers validate first; see {@link lnAbsGamma}).
 */
export function lnGamma(x: number): number {
  if (!(x > 0)) return x === 0 ? Number.POSITIVE_INFINITY : Number.NaN;
  if (Math.abs(x - 1) <= 0.25) return lnGamma1p(x - 1);
  if (Math.abs(x - 2) <= 0.25) return lnGamma1p(x - 2) + Math.log(x - 1);
  if (x >= 10) return stirling(x);
  if (x < 0.5) return lanczos(x + 1) - Math.log(x);
  return lanczos(x);
}

/**
 * ln |Γ(x)| and the sign of Γ(x) for any real x. At the poles (0, −1, −2, …) the value is
 * +Infinity with sign 0, so that 1/Γ = 0 is exact for the connection formulas of ₂F₁.
 */
export function lnAbsGamma(x: number): { readonly value: number; readonly sign: -1 | 0 | 1 } {
  if (x > 0) return { value: lnGamma(x), sign: 1 };
  if (Number.isInteger(x)) return { value: Number.POSITIVE_INFINITY, sign: 0 };
  // Reflection: Γ(x) = π / (sin(πx) Γ(1 − x)).
  const s = Math.sin(Math.PI * x);
  return { value: Math.log(Math.PI / Math.abs(s)) - lnGamma(1 - x), sign: s > 0 ? 1 : -1 };
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b) for a, b > 0. */
export function lnBeta(a: number, b: number): number {
  return lnGamma(a) + lnGamma(b) - lnGamma(a + b);
}
