/**
 * A small, fast, seedable PRNG (sfc32) with the few distributions the demo generator needs.
 * Same seed → same sequence on every platform (pure 32-bit integer arithmetic).
 */
export class Rng {
  #a = 0;
  #b = 0;
  #c = 0;
  #d = 1;

  /** @param seed any integer; `stream` picks an independent sub-sequence (e.g. a customer index). */
  constructor(seed: number, stream = 0) {
    this.reseed(seed, stream);
  }

  /** Restart the generator at (seed, stream); cheap, so one instance can serve many customers. */
  reseed(seed: number, stream = 0): void {
    this.#a = mix32(seed ^ 0x9e3779b9);
    this.#b = mix32(stream ^ 0x85ebca6b);
    this.#c = mix32((seed + stream * 0x27d4eb2f) ^ 0xc2b2ae35);
    this.#d = 1;
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** Uniform 32-bit unsigned integer. */
  nextUint32(): number {
    const a = this.#a;
    const b = this.#b;
    const c = this.#c;
    const d = this.#d;
    const t = (((a + b) | 0) + d) | 0;
    this.#d = (d + 1) | 0;
    this.#a = b ^ (b >>> 9);
    this.#b = (c + (c << 3)) | 0;
    const r = (c << 21) | (c >>> 11);
    this.#c = (r + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Uniform integer in [lo, hi] (inclusive). */
  between(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Standard normal (Box–Muller, one value per call). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal multiplier with median 1 and log-sd `sigma`. */
  lognormal(sigma: number): number {
    return Math.exp(sigma * this.normal());
  }

  /** Exponential with the given mean. */
  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  /** One element of a non-empty array, uniformly. */
  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new Error('Rng.pick: empty array');
    return item;
  }
}

/** murmur3 finaliser: spreads the bits of a 32-bit integer. */
export function mix32(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * A weighted choice table over indices 0..n-1, built once and sampled in O(log n).
 */
export class WeightedTable {
  readonly #cumulative: Float64Array;
  readonly #total: number;

  /** @param weights non-negative weights, at least one positive. */
  constructor(weights: readonly number[]) {
    this.#cumulative = new Float64Array(weights.length);
    let sum = 0;
    weights.forEach((w, i) => {
      sum += w;
      this.#cumulative[i] = sum;
    });
    if (!(sum > 0)) throw new Error('WeightedTable: weights must sum to more than 0');
    this.#total = sum;
  }

  /** Draw an index. */
  sample(rng: Rng): number {
    const x = rng.next() * this.#total;
    const c = this.#cumulative;
    let lo = 0;
    let hi = c.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (x < c[mid]!) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}
