/**
 * Seeded pseudo-random numbers for simulation: xoshiro128** (Blackman & Vigna) seeded by
 * splitmix32, 53-bit uniforms, standard normals (Marsaglia polar) and gamma variates
 * (Marsaglia & Tsang 2000, with the U^(1/k) boost for shape < 1).
 */

/** A seeded random source. */
export interface Rng {
  /** Uniform on [0, 1) with 53 random bits. */
  uniform(): number;
  /** Standard normal. */
  normal(): number;
  /** Gamma(shape, rate = 1). */
  gamma(shape: number): number;
  /** Beta(a, b). */
  beta(a: number, b: number): number;
}

/** Create a deterministic generator from a 32-bit seed. */
export function createRng(seed: number): Rng {
  let sm = seed >>> 0;
  const splitmix = (): number => {
    sm = (sm + 0x9e3779b9) >>> 0;
    let z = sm;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let s0 = splitmix(), s1 = splitmix(), s2 = splitmix(), s3 = splitmix();
  const next = (): number => {
    const result = Math.imul(((Math.imul(s1, 5) << 7) | (Math.imul(s1, 5) >>> 25)) >>> 0, 9) >>> 0;
    const t = (s1 << 9) >>> 0;
    s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t;
    s3 = ((s3 << 11) | (s3 >>> 21)) >>> 0;
    s0 >>>= 0; s1 >>>= 0; s2 >>>= 0;
    return result;
  };
  let spare = Number.NaN;
  const uniform = (): number => ((next() >>> 5) * 67108864 + (next() >>> 6)) / 9007199254740992;
  const normal = (): number => {
    if (!Number.isNaN(spare)) { const v = spare; spare = Number.NaN; return v; }
    let u = 0, v = 0, s = 0;
    do { u = 2 * uniform() - 1; v = 2 * uniform() - 1; s = u * u + v * v; } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    spare = v * f;
    return u * f;
  };
  const gamma = (shape: number): number => {
    if (shape < 1) {
      const u = uniform();
      return gamma(shape + 1) * Math.pow(u > 0 ? u : Number.MIN_VALUE, 1 / shape);
    }
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x = 0, v = 0;
      do { x = normal(); v = 1 + c * x; } while (v <= 0);
      v = v * v * v;
      const u = uniform();
      if (u < 1 - 0.0331 * x * x * x * x) return d * v;
      if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
    }
  };
  const beta = (a: number, b: number): number => {
    const x = gamma(a);
    const y = gamma(b);
    return x / (x + y);
  };
  return { uniform, normal, gamma, beta };
}
